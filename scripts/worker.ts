/*
 * The outbox sender on its own: `npm run worker`. Several workers (and app instances) can share one PostgreSQL:
 * rows are claimed with FOR UPDATE SKIP LOCKED. Runs with --conditions=react-server (see package.json) because the
 * data layer is marked server-only.
 */
import { getDatabase } from "../db/index";
import { startOutboxSender } from "../runtime/outbox";
import { startInactivitySweeper } from "../runtime/inactivity";

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error(
      "The worker needs DATABASE_URL: the embedded database belongs to the app process, which already sends replies itself.",
    );
    process.exit(2);
  }
  try {
    await getDatabase();
  } catch (error) {
    console.error(`Threadline worker cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const sender = startOutboxSender({ pollMs: Number(process.env.OUTBOX_POLL_MS ?? 500) });
  const sweeper = startInactivitySweeper();
  console.log("Threadline outbox worker running; Ctrl+C stops it.");
  const stop = () => {
    sweeper.stop();
    void sender.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
