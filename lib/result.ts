/** A value or an expected failure; thrown errors are reserved for bugs. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/** The single element of a list that must hold exactly one, e.g. an INSERT … RETURNING. */
export function one<T>(rows: readonly T[], what = "row"): T {
  const [first] = rows;
  if (rows.length !== 1 || first === undefined) throw new Error(`Expected exactly one ${what}, got ${rows.length}`);
  return first;
}
