// `npm run test:reliability [-- --database-url postgres://…] [--port 3300] [--redis-port 6391]`
// (scripts/reliability/suite.ts). The suite seeds the agencies' portal secrets itself, encrypted, and
// the app must read them: both get one ENCRYPTION_KEY, set before lib/env is first imported.
import { randomBytes } from "node:crypto";

process.env.ENCRYPTION_KEY ||= randomBytes(32).toString("hex");
process.env.LOG_LEVEL ||= "warn";

void import("./suite")
  .then(({ runSuite }) => runSuite())
  .then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error("✖ A suíte de confiabilidade não terminou:", err);
      process.exit(1);
    },
  );
