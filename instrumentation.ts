/**
 * Runs once when the server process starts: open the database (migrate, seed, print the first admin login) so the
 * app is ready before the first request, and exit with one clear line when the database cannot be reached.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("./lib/server/start-server-process");
  await startServerProcess();
}
