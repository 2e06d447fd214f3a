// `npm start`: migrate, seed the demo when empty, build if needed, then the web process (scripts/web-server.mjs) on PORT.
import { formatError } from "./lib/format-error";
import { loadProjectEnv } from "./lib/load-env";

async function main(): Promise<void> {
  loadProjectEnv({ dev: false });
  // Imported after the .env files are loaded: lib/env parses process.env when first imported.
  const { serveApp } = await import("./lib/serve-app");
  process.exitCode = await serveApp();
}

main().catch((err: unknown) => {
  console.error(`\n✖ Lastro não conseguiu iniciar: ${formatError(err)}`);
  process.exitCode = 1;
});
