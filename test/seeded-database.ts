import type { DatabaseHandle } from "@/db/connect";
import { installDatabase } from "@/db/index";
import { seedDatabase } from "@/db/seed";
import { getUserByEmail } from "@/db/queries/users";
import type { Actor } from "@/lib/auth/roles";
import type { TestDatabase } from "./databases";

export type SeededDatabase = { handle: DatabaseHandle & { drop: () => Promise<void> }; admin: Actor };

/**
 * A fresh database as `npm start` leaves it (the admin, the demo flow as version 1, the default channel),
 * installed as the one the queries use, with the seeded admin as an actor.
 */
export async function openSeededDatabase(open: TestDatabase["open"], authSecret = "test-secret"): Promise<SeededDatabase> {
  const handle = await open();
  installDatabase(handle);
  await seedDatabase(handle.db, { authSecret, env: { ADMIN_PASSWORD: "admin-password-1" } });
  const row = await getUserByEmail("admin@threadline.local");
  if (!row) throw new Error("seed created no admin");
  return { handle, admin: { userId: row.id, email: row.email, name: row.name, role: row.role } };
}
