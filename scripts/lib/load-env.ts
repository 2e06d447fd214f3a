// Loads .env files with Next's own loader and precedence, so the migrate/seed step and the
// server it starts read the same configuration. Must run before anything imports lib/env.
import { loadEnvConfig } from "@next/env";

/** `dev` picks the files `next dev` reads (.env.development*); otherwise those of `next start`. */
export function loadProjectEnv({ dev }: { dev: boolean }): void {
  loadEnvConfig(process.cwd(), dev, { info: () => {}, error: (...args: unknown[]) => console.error(...args) });
}
