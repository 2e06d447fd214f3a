// `npm run db:seed`: applies the migrations, then writes the demo agency (Imobiliária Horizonte).
//   --leads N   how many leads (default 400; e.g. 100000 for benchmarks)
//   --seed S    another data set (default 2026); the same seed gives the same data
//   --reset     empties ALL tables first (without it, a database that has an agency is left alone)
//   --agencias N  instead of the demo agency, N bench agencies sharing the leads (the summaries bench:
//                 `--agencias 100 --leads 100000`); --corretores M brokers in all (default 20 per agency)
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
// Types only (erased): scripts/demo/seed is imported after the .env files are loaded, in main().
import type { SEED_PHASES, SeedProgress } from "@/scripts/demo/seed";
import { formatError } from "./lib/format-error";
import { loadProjectEnv } from "./lib/load-env";

const LARGE_RUN = 5000;
const USAGE = "uso: npm run db:seed -- [--leads N] [--seed S] [--reset] [--agencias N [--corretores M]]";

function parseFlags() {
  const { values } = parseArgs({
    options: {
      leads: { type: "string" },
      seed: { type: "string" },
      reset: { type: "boolean" },
      agencias: { type: "string" },
      corretores: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const int = (name: string, raw: string | undefined, min: number) => {
    if (raw === undefined) return undefined;
    const n = Number(raw.replaceAll("_", ""));
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} deve ser um inteiro ≥ ${min} (recebido: ${raw})\n${USAGE}`);
    return n;
  };
  return {
    leads: int("leads", values.leads, 0),
    seed: int("seed", values.seed, 0),
    reset: values.reset ?? false,
    agencias: int("agencias", values.agencias, 1),
    corretores: int("corretores", values.corretores, 1),
    help: values.help ?? false,
  };
}

type Progress = { update(p: SeedProgress): void; stop(): void };
type SeedPhaseLabels = typeof SEED_PHASES;

const seconds = (ms: number) =>
  `${new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(ms / 1000)} s`;

// One bar per phase, so the bar never sits at 100 % while a later step runs, and each phase's time
// printed as it ends. A bar on a terminal or for big runs (cli-progress prints a line now and then
// when not a TTY); plain percentage lines for small runs written to a file or a CI log.
function createProgress(leads: number, labels: SeedPhaseLabels): Progress {
  const tty = Boolean(process.stdout.isTTY);
  const useBar = tty || leads >= LARGE_RUN;
  let bar: cliProgress.SingleBar | null = null;
  let phase = "";
  let phaseStart = 0;
  let lastShown = -1;
  return {
    update({ fase, done, total }) {
      if (fase !== phase) {
        phase = fase;
        phaseStart = performance.now();
        lastShown = -1;
        if (useBar) {
          bar = new cliProgress.SingleBar(
            {
              format: `  ${labels[fase].padEnd(38)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
              noTTYOutput: !tty,
              notTTYSchedule: 5000,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, done);
        }
      }
      if (bar) bar.update(done);
      else {
        const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (pct !== lastShown && (pct === 100 || pct - lastShown >= 10)) {
          lastShown = pct;
          console.log(`  ${labels[fase]}: ${pct}% (${done}/${total})`);
        }
      }
      if (done === total) {
        bar?.stop();
        bar = null;
        console.log(`  ✓ ${labels[fase]}: ${seconds(performance.now() - phaseStart)}`);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

async function main(): Promise<void> {
  const flags = parseFlags();
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  loadProjectEnv({ dev: true });
  const { env } = await import("@/lib/env");
  const { createDb } = await import("@/lib/db/client");
  const { migrateDb } = await import("@/lib/db/migrate");
  const { DEFAULT_LEADS, SEED_PHASES, hasAnyAgency, resetDemoData, seedDemo } = await import("@/scripts/demo/seed");
  const { describeDatabase } = await import("./lib/prepare-database");
  const { printSummary } = await import("./lib/print-seed-summary");

  const { driver, url, pgliteDir } = env.database;
  console.log(`▸ Banco: ${describeDatabase()}`);
  const handle = await createDb({ driver, url, pgliteDir });
  try {
    console.log("▸ Aplicando migrações…");
    await migrateDb(handle);
    if (flags.reset) {
      console.log("▸ --reset: apagando todos os dados…");
      await resetDemoData(handle);
    } else if (await hasAnyAgency(handle.db)) {
      console.error(
        "\n✖ O banco já tem uma imobiliária cadastrada; nada foi alterado.\n" +
          "  Para apagar TODOS os dados e recriar a demonstração: npm run db:seed -- --reset",
      );
      process.exitCode = 1;
      return;
    }
    const total = flags.leads ?? DEFAULT_LEADS;
    if (flags.agencias) {
      const { seedAgencias, benchNow } = await import("@/scripts/demo/seed-agencias");
      const corretores = flags.corretores ?? flags.agencias * 20;
      console.log(
        `▸ ${flags.agencias} imobiliárias, ${corretores} corretores, ${total.toLocaleString("pt-BR")} leads…`,
      );
      const started = performance.now();
      const counts = await seedAgencias(handle, {
        agencias: flags.agencias,
        corretores,
        leads: total,
        now: benchNow(),
      });
      console.log(`  ${JSON.stringify(counts)} em ${seconds(performance.now() - started)}`);
      return;
    }
    console.log(`▸ Gerando a demonstração com ${total.toLocaleString("pt-BR")} leads…`);
    const progress = createProgress(total, SEED_PHASES);
    try {
      const summary = await seedDemo(handle, { leads: total, seed: flags.seed, onProgress: (p) => progress.update(p) });
      printSummary(summary);
    } finally {
      progress.stop();
    }
  } finally {
    await handle.close();
  }
}

main().catch((err: unknown) => {
  console.error(`\n✖ Falha ao criar os dados de demonstração: ${formatError(err)}`);
  process.exitCode = 1;
});
