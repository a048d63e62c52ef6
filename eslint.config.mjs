import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  {
    ignores: ["node_modules/**", ".next/**", ".next-*/**", ".test-output/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts",
      "db/migrations/**", "**/*.mjs"],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // DESIGN.md dependency rules: the pure core imports no database, network or Next.js.
    files: ["lib/flow/**", "runtime/engine/**", "runtime/nlu/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@/db/*", "@/db", "**/db/*", "next", "next/*", "drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/*", "node:http", "node:https", "server-only"], message: "Pure modules import no database, network or Next.js." },
      ] }],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@/db/*", "@/db", "@/runtime/*", "**/db/*", "**/runtime/*", "drizzle-orm", "drizzle-orm/*"], message: "Components never import db/ or runtime/." },
      ] }],
    },
  },
  {
    // The pure core and components have stricter lists above; everything else outside db/ gets this one.
    files: ["app/**", "lib/auth/**", "lib/server/**", "lib/*.ts", "runtime/*.ts", "runtime/whatsapp/**", "scripts/**", "e2e/**", "auth.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["drizzle-orm", "drizzle-orm/*"], message: "Only db/ imports drizzle-orm." },
      ] }],
    },
  },
);
