/** A flow the simulator can run, with its published versions (newest first). */
export type FlowOption = {
  id: string;
  name: string;
  versions: { id: string; number: number; live: boolean; note: string; createdAt: string }[];
};

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string[] | undefined> } };
