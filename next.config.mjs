/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets parallel test runs on one checkout build into separate folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  typedRoutes: false,
  // `next build` does not lint or typecheck twice: `npm test` runs tsc and eslint first.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() → app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
};

export default nextConfig;
