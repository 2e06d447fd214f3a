// Summaries benchmark (issue #20): on ≥ 2,000 brokers across 100 agencies and 100,000 leads in real
// Postgres, the time to compute and queue every daily summary (the brokers' and the management's),
// one sweep (each of its parts timed), the process's peak RSS, and the EXPLAIN of the sweep's
// heaviest read. Targets: all daily summaries < 30 s, one sweep < 2 s, RSS < 300 MB.
//   npm run bench -- summaries [--reuse] [--db NOME] [--agencias 100] [--leads 100000] [--database-url URL]
// Without --reuse: database --db is recreated and seeded by `npm run db:seed -- --agencias A --leads N`
// (its own process, timed). The clock is the seed's: today's 09:00 in São Paulo. It prints figures;
// it never fails on them.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { queueDueSummaries } from "@/agents/analista/queue-due-summaries";
import { queueResumosGestor } from "@/agents/analista/resumo-gestor/queue-resumos-gestor";
import { templateWriter } from "@/agents/conselheiro/compose/templates";
import { UNCONFIRMED } from "@/agents/conselheiro/send/send-policy";
import { flushAgrupamentos } from "@/agents/orquestrador/flush-agrupamentos";
import { releaseScheduled } from "@/agents/orquestrador/release-scheduled";
import { watchPortais } from "@/agents/vigilante/portal-silencioso/watch-portais";
import type { PipelineDeps } from "@/inngest/deps";
import { sweep } from "@/inngest/steps";
import { createDb } from "@/lib/db/client";
import { listUnprocessedEventos } from "@/lib/db/queries/eventos";
import { listSendableIds, requeueStaleEnviando } from "@/lib/db/queries/mensagens";
import { ritmoIntegracoesQuery } from "@/lib/db/queries/portal-silencioso";
import { createKv } from "@/lib/kv";
import { createOutboxClient } from "@/lib/whatsapp/outbox-client";
import { benchNow } from "@/scripts/demo/seed-agencias";
import { databaseUrlFor, recreateDatabase } from "@/scripts/lib/fresh-database";

const TARGETS = { resumosMs: 30_000, sweepMs: 2_000, rssMb: 300 };

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      reuse: { type: "boolean" },
      db: { type: "string" },
      agencias: { type: "string" },
      leads: { type: "string" },
      "database-url": { type: "string" },
    },
  });
  const int = (raw: string | undefined, fallback: number) => (raw === undefined ? fallback : Number(raw));
  return {
    reuse: values.reuse ?? false,
    db: values.db ?? "lastro_bench_resumos",
    agencias: int(values.agencias, 100),
    leads: int(values.leads, 100_000),
    serverUrl: values["database-url"] ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  };
}

async function seed(url: string, agencias: number, leads: number): Promise<number> {
  const started = performance.now();
  const child = spawn(
    "npx",
    ["tsx", "scripts/seed-demo.ts", "--agencias", String(agencias), "--leads", String(leads)],
    {
      env: { ...process.env, DATABASE_URL: url, DATABASE_DRIVER: "", LOG_LEVEL: "warn" },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`npm run db:seed saiu com código ${code}`);
  return performance.now() - started;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const out = await run();
  return [out, performance.now() - started];
}

const ms = (v: number) => `${Math.round(v).toLocaleString("pt-BR")} ms`;
const verdict = (v: number, alvo: number) => (v < alvo ? "✓" : "✗ acima do alvo");

export async function main(argv: string[]): Promise<void> {
  const args = parse(argv);
  const url = args.reuse ? databaseUrlFor(args.serverUrl, args.db) : await recreateDatabase(args.serverUrl, args.db);
  if (!args.reuse) console.log(`▸ seed: ${ms(await seed(url, args.agencias, args.leads))}`);
  const handle = await createDb({ driver: "postgres", url });
  const db = handle.db;
  const now = benchNow();
  try {
    // A --reuse run starts from the same state: no summaries, no portal incident yet.
    await db.execute(
      sql`delete from mensagens where tipo in ('resumo', 'resumo_semanal', 'resumo_gestor', 'alerta_portal')`,
    );
    await db.execute(sql`delete from eventos where tipo = 'portal_silencioso'`);
    const deps: PipelineDeps = {
      db,
      kv: createKv({ driver: "memory" }),
      whatsapp: createOutboxClient(),
      now: () => now,
      writer: templateWriter,
    };
    console.log(`▸ relógio: ${now.toISOString()} (09:00 em São Paulo)`);

    const [corretores, corretoresMs] = await timed(() => queueDueSummaries(deps));
    const [gestao, gestaoMs] = await timed(() => queueResumosGestor(deps));
    const resumosMs = corretoresMs + gestaoMs;
    console.log(
      `resumos dos corretores: ${corretores.enfileirados.length} na fila, ${corretores.vazios.length} vazios, ${corretores.falhas} falhas — ${ms(corretoresMs)}`,
    );
    console.log(
      `resumos da gestão: ${gestao.enfileirados.length} na fila, ${gestao.vazios.length} vazios, ${gestao.falhas} falhas — ${ms(gestaoMs)}`,
    );
    console.log(
      `todos os resumos diários: ${ms(resumosMs)} (alvo < ${ms(TARGETS.resumosMs)}) ${verdict(resumosMs, TARGETS.resumosMs)}`,
    );

    const [primeira, primeiraMs] = await timed(() => sweep(deps));
    const [, segundaMs] = await timed(() => sweep(deps));
    console.log(
      `varredura: 1ª ${ms(primeiraMs)} (${primeira.counts.portais} aviso(s) de portal, ${primeira.sends.length} envios), 2ª ${ms(segundaMs)} (alvo < ${ms(TARGETS.sweepMs)}) ${verdict(Math.max(primeiraMs, segundaMs), TARGETS.sweepMs)}`,
    );
    const partes: [string, () => Promise<unknown>][] = [
      ["eventos não decididos", () => listUnprocessedEventos(db, new Date(now.getTime() - 30_000))],
      ["envios presos", () => requeueStaleEnviando(db, new Date(now.getTime() - 120_000), UNCONFIRMED, now)],
      ["agendadas", () => releaseScheduled(deps)],
      ["agrupadas", () => flushAgrupamentos(deps)],
      ["portais calados", () => watchPortais(deps)],
      ["envios pendentes", () => listSendableIds(db, now)],
    ];
    for (const [nome, run] of partes) console.log(`  ${nome.padEnd(24)} ${ms((await timed(run))[1])}`);

    const rssMb = process.resourceUsage().maxRSS / 1024;
    console.log(`RSS de pico: ${Math.round(rssMb)} MB (alvo < ${TARGETS.rssMb} MB) ${verdict(rssMb, TARGETS.rssMb)}`);

    const plan = (await db.execute(sql`explain (analyze, buffers) ${ritmoIntegracoesQuery()}`)) as unknown as {
      rows: Record<string, string>[];
    };
    console.log("\nEXPLAIN (ANALYZE, BUFFERS) da leitura dos portais calados:");
    for (const r of plan.rows) console.log(`  ${Object.values(r)[0]}`);
  } finally {
    await handle.close();
  }
}
