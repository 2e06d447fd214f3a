import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**"],
    environment: "node",
    // What next.config's experimental.authInterrupts sets in a build: forbidden() works under test too.
    env: { __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
