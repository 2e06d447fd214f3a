// Runs before `next dev`: migrations and, on an empty database, the demo data.
import { formatError } from "./lib/format-error";
import { loadProjectEnv } from "./lib/load-env";

async function main(): Promise<void> {
  loadProjectEnv({ dev: true });
  const { describeDatabase, formatCounts, prepareDatabase, setupInstructions } = await import("./lib/prepare-database");
  console.log(`▸ Preparando o banco de dados (${describeDatabase()})…`);
  const { seeded, setupNeeded, counts } = await prepareDatabase();
  console.log(`▸ ${seeded ? "Dados de demonstração criados" : "Banco pronto"}: ${formatCounts(counts)}.`);
  if (setupNeeded) for (const line of setupInstructions()) console.log(`▸ ${line}`);
}

main().catch((err: unknown) => {
  console.error(`\n✖ Falha ao preparar o banco: ${formatError(err)}`);
  process.exitCode = 1;
});
