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

/** What Next hands a route handler beside the request: the dynamic segments of its path, e.g. `{ flowId }`. */
export type RouteContext<Params extends Record<string, string | string[]>> = { params: Promise<Params> };

/**
 * The same for route handlers: 401 and 403 as JSON before `run` sees a verified actor and the route's context.
 * Name the segments for a dynamic route: `withRouteRole<{ flowId: string }>("editor", (request, actor, { params }) => …)`.
 */
export function withRouteRole<Params extends Record<string, string | string[]> = Record<string, never>>(
  role: Grant,
  run: (request: Request, actor: Actor, context: RouteContext<Params>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    const actor = await getActor();
    if (!actor) return json(401, { error: "unauthenticated", message: "Sign in first." });
    if (!grants(actor.role, role)) return json(403, { error: "forbidden", message: "Your role does not allow this." });
    return run(request, actor, context);
  };
}
