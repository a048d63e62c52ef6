import { withRouteRole } from "@/lib/auth/with-role";
import { createUser, listUsers } from "@/db/queries/users";
import { createUserInputSchema } from "@/lib/auth/user-input";
import { z } from "zod";

export const dynamic = "force-dynamic";

export const GET = withRouteRole("admin", async (_request, actor) => Response.json({ users: await listUsers(actor) }));

export const POST = withRouteRole("admin", async (request, actor) => {
  const body: unknown = await request.json().catch(() => null);
  const input = createUserInputSchema.safeParse(body);
  if (!input.success) {
    return Response.json({ error: "invalid", fields: z.flattenError(input.error).fieldErrors }, { status: 400 });
  }
  const result = await createUser(actor, input.data);
  if (!result.ok) return Response.json({ error: result.error.code }, { status: 409 });
  return Response.json({ user: result.value }, { status: 201 });
});
