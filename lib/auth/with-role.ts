import "server-only";
import { z } from "zod";
import { getActor } from "./session";
import { grants, type Actor, type Grant } from "./roles";
import { err, type Result } from "@/lib/result";

export type Denied =
  | { code: "unauthenticated"; message: string }
  | { code: "forbidden"; message: string }
  | { code: "invalid"; message: string; fields: Record<string, string[] | undefined> };

/**
 * Every server action goes through this: sign-in, role and input are checked before `run` sees a verified actor.
 * Failures come back as values so forms can show them (Next redacts thrown errors in production).
 */
export function withRole<S extends z.ZodType, T, E>(
  role: Grant,
  schema: S,
  run: (input: z.infer<S>, actor: Actor) => Promise<Result<T, E>>,
) {
  return async (raw: unknown): Promise<Result<T, E | Denied>> => {
    const actor = await getActor();
    if (!actor) return err({ code: "unauthenticated", message: "Your session has ended. Sign in again." });
    if (!grants(actor.role, role)) return err({ code: "forbidden", message: "Your role does not allow this." });
    const input = schema.safeParse(raw);
    if (!input.success) {
      return err({
        code: "invalid",
        message: "Some fields need attention.",
        fields: z.flattenError(input.error).fieldErrors,
      });
    }
    return run(input.data, actor);
  };
}

const json = (status: number, body: unknown) => Response.json(body, { status });

/** The same for route handlers: 401, 403 and 400 as JSON. */
export function withRouteRole(role: Grant, run: (request: Request, actor: Actor) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const actor = await getActor();
    if (!actor) return json(401, { error: "unauthenticated", message: "Sign in first." });
    if (!grants(actor.role, role)) return json(403, { error: "forbidden", message: "Your role does not allow this." });
    return run(request, actor);
  };
}
