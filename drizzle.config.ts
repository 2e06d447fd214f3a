import { defineConfig } from "drizzle-kit";

// Generation only: `npm run db:migrate` applies migrations through our own driver selection (scripts/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./drizzle",
});
