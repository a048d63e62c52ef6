import path from "node:path";

/** Where local state lives: the PGlite database, the generated AUTH_SECRET, uploaded media. */
export function dataDirectory(): string {
  // The data directory is chosen at run time; it is not part of the build output.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? ".data");
}
