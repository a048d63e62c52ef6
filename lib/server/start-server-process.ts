import { getDatabase } from "@/db/index";
import { DatabaseUnavailableError } from "@/db/connect";
import { startOutboxSender } from "@/runtime/outbox";
import { startInactivitySweeper } from "@/runtime/inactivity";

export async function startServerProcess(): Promise<void> {
  try {
    const { kind } = await getDatabase();
    console.log(`Threadline database: ${kind === "pglite" ? "embedded PGlite" : "PostgreSQL"}, migrated.`);
  } catch (error) {
    const reason = error instanceof DatabaseUnavailableError ? error.message : error instanceof Error ? error.message : String(error);
    console.error(`Threadline cannot start: ${reason}`);
    process.exit(1);
  }
  if (process.env.OUTBOX_SENDER !== "off") {
    startOutboxSender();
    startInactivitySweeper();
  }
}
