"use server";

import { revalidatePath } from "next/cache";
import { withRole } from "@/lib/auth/with-role";
import { changeRoleInputSchema, createUserInputSchema, setActiveInputSchema } from "@/lib/auth/user-input";
import { changeUserRole, createUser, setUserActive } from "@/db/queries/users";

async function refreshed<T>(result: T): Promise<T> {
  revalidatePath("/settings/users");
  return result;
}

export const createUserAction = withRole("admin", createUserInputSchema, async (input, actor) =>
  refreshed(await createUser(actor, input)),
);

export const changeUserRoleAction = withRole("admin", changeRoleInputSchema, async (input, actor) =>
  refreshed(await changeUserRole(actor, input)),
);

export const setUserActiveAction = withRole("admin", setActiveInputSchema, async (input, actor) =>
  refreshed(await setUserActive(actor, input)),
);
