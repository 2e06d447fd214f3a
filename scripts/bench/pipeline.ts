// End-to-end pipeline benchmark, in one process: N leads through the real webhook route handler →
// Vigilante → dispatch → embedded runner → Orquestrador → Conselheiro → a LOCAL FAKE Twilio server,
// on a fresh Postgres database (dropped at the end) and real Redis.
//   npm run bench -- pipeline [--leads 2000] [--brokers 40] [--limite-diario 50] [--concurrency 20] [--rate 110]
//                             [--database-url postgres://…] [--redis-url redis://…] [--embutido] [--llm]
// --llm: with a model — a LOCAL FAKE OpenAI-compatible server answering in 300–1,500 ms (scripts/bench/fake-llm.ts).
// By default the pipeline runs in a worker process (PIPELINE_MODE=worker, as `npm run worker`)
// beside the process that takes the webhooks; --embutido runs both in one process.
import type { PipelineBenchOptions } from "./pipeline-run";
import { percentile, type PipelineResults } from "./pipeline-results";

const TARGETS = { leadsPerMin: 6_000, p95Ms: 2_000, rssMb: 300 };
// Cleared so neither the shell nor a .env can send this run to real Twilio, OpenAI, Inngest or
// another KV (as scripts/e2e-server.ts does); lib/env reads "" as unset.
const HERMETIC_BLANKS = [
  "KV_REST_API_URL",
  "KV_REST_API_TOKEN",
  "TWILIO_ACCOUNT_SID",
  "TWILIO_AUTH_TOKEN",
  "TWILIO_WHATSAPP_FROM",
  "OPENAI_API_KEY",
  "INNGEST_EVENT_KEY",
  "INNGEST_SIGNING_KEY",
  "INNGEST_DEV",
] as const;

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}

function positiveInt(args: string[], name: string, fallback: number): number {
  const n = Number(arg(args, name, String(fallback)));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} deve ser um inteiro positivo`);
  return n;
}

function nonNegativeInt(args: string[], name: string, fallback: number): number {
  const n = Number(arg(args, name, String(fallback)));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} deve ser um inteiro ≥ 0`);
  return n;
}

const nf = (n: number, digits = 0) =>
  n.toLocaleString("pt-BR", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (bytes: number) => bytes / 1024 / 1024;
const verdict = (ok: boolean) => (ok ? "atingida" : "NÃO atingida");
const hostOf = (url: string) => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || "5432"}`;
};

function report(o: PipelineBenchOptions, redisUrl: string, r: PipelineResults): void {
  const perMin = r.posted / (r.wallMs / 60_000);
  const p50 = percentile(r.hotLatencies, 50);
  const p95 = percentile(r.hotLatencies, 95);
  const maxRss = process.resourceUsage().maxRSS * 1024; // reported in KiB
  const d = (k: string) => r.decisoes[k] ?? 0;
  const m = (k: string) => r.mensagens[k] ?? 0;
  const padrao =
    o.limiteDiario === 50
      ? " (o máximo permitido; o padrão é 5), para a cota não dominar"
      : o.limiteDiario === 5
        ? " (o padrão)"
        : "";

  const forma = o.worker
    ? "pipeline num processo worker (PIPELINE_MODE=worker)"
    : "pipeline no mesmo processo dos webhooks";
  console.log(`\nBenchmark do pipeline — ${forma}`);
  console.log(
    `${nf(o.leads)} leads (1/3 quentes, 1/3 mornos, 1/3 frios), ${o.brokers} corretores de plantão 24h, ${o.ratePerSecond > 0 ? `${nf(o.ratePerSecond)} webhooks/s (no máximo ${o.concurrency} em paralelo)` : `${o.concurrency} webhooks em paralelo, sem pausa`}`,
  );
  console.log(`limite diário por corretor: ${o.limiteDiario}${padrao}; envios limitados pelo runner a ${nf(80)}/s`);
  console.log(
    `Postgres: banco novo ${o.database} em ${hostOf(o.databaseUrl)} (removido ao final) · KV: Redis ${redisUrl}`,
  );
  console.log(
    "Twilio: servidor FALSO local, em outro processo (lib/whatsapp/testing/fake-twilio-server.ts) — nenhuma mensagem saiu da máquina",
  );
  if (o.llm)
    console.log(
      `Modelo: servidor FALSO local compatível com OpenAI, em outro processo, respostas em 300–1.500 ms — mensagens escritas pelo modelo: ${nf(r.escrita["modelo"] ?? 0)}, pelo template: ${
        Object.entries(r.escrita)
          .filter(([k]) => k !== "modelo")
          .map(([k, n]) => `${nf(n)} (${k})`)
          .join(", ") || "0"
      }`,
    );
  console.log(`\nwebhooks aceitos (201): ${nf(r.accepted)}/${nf(r.posted)} em ${nf(r.postMs / 1000, 1)} s`);
  console.log(
    `tudo processado em ${nf(r.wallMs / 1000, 1)} s → ${nf(perMin)} leads/min        meta ≥ ${nf(TARGETS.leadsPerMin)} leads/min → ${verdict(perMin >= TARGETS.leadsPerMin)}`,
  );
  console.log(
    `lead quente, webhook → create no Twilio falso: p50 ${nf(p50)} ms  p95 ${nf(p95)} ms  máx ${nf(r.hotLatencies.at(-1) ?? NaN)} ms (${nf(r.hotLatencies.length)} de ${nf(r.hotLeads)} quentes)   meta p95 < 2 s → ${verdict(p95 < TARGETS.p95Ms)}`,
  );
  const stage = (label: string, xs: number[]) =>
    `${label} p50 ${nf(percentile(xs, 50))} / p95 ${nf(percentile(xs, 95))} ms`;
  console.log(
    `  em partes: ${stage("resposta do webhook", r.hotStages.resposta)} · ${stage("até a decisão (linha da alerta)", r.hotStages.decisao)} · ${stage("da linha ao create", r.hotStages.envio)}`,
  );
  const cpu = (label: string, ms: number) =>
    `CPU ${label}: ${nf(ms / r.posted, 2)} ms por lead, ${nf((100 * ms) / r.wallMs)}% de um núcleo`;
  console.log(cpu(r.worker ? "do processo dos webhooks" : "do processo (webhooks + pipeline)", r.cpuMs));
  if (r.worker) {
    console.log(cpu("do worker", r.worker.cpuMs));
    console.log(
      `pico de RSS do worker: ${nf(mb(r.worker.peakRss))} MB        meta < ${TARGETS.rssMb} MB → ${verdict(r.worker.peakRss < TARGETS.rssMb * 1024 * 1024)}`,
    );
  }
  console.log(
    `pico de RSS: ${nf(mb(r.peakRss))} MB (amostra a cada 100 ms), maxRSS do processo ${nf(mb(maxRss))} MB        meta < ${TARGETS.rssMb} MB → ${verdict(Math.max(r.peakRss, maxRss) < TARGETS.rssMb * 1024 * 1024)}`,
  );
  console.log("\nresultado por lead:");
  console.log(`  alertas enviadas ao Twilio falso: ${nf(m("alerta/enviada"))}`);
  console.log(`  retidas pela cota:                ${nf(m("alerta/retida_cota"))}`);
  console.log(
    `  agrupadas (mornos na janela):     ${nf(d("agrupar"))}   mensagens agrupadas já enviadas: ${nf(m("agrupada/enviada"))}`,
  );
  console.log(`  só resumo (frios):                ${nf(d("so_resumo"))}`);
  const outras = Object.entries(r.decisoes).filter(
    ([k]) => !["agora/liberada", "agora/retida", "agrupar", "so_resumo"].includes(k),
  );
  if (outras.length) console.log(`  outras decisões: ${outras.map(([k, n]) => `${k} ${nf(n)}`).join(", ")}`);
  console.log(
    `  mensagens por tipo/status: ${Object.entries(r.mensagens)
      .map(([k, n]) => `${k} ${nf(n)}`)
      .join(", ")}`,
  );
  console.log(`  creates recebidos pelo Twilio falso: ${nf(r.creates)}`);
}

export async function main(args: string[]): Promise<void> {
  const redisUrl = arg(args, "redis-url", process.env.REDIS_URL || "redis://127.0.0.1:6379");
  const options: PipelineBenchOptions = {
    leads: positiveInt(args, "leads", 2000),
    brokers: positiveInt(args, "brokers", 40),
    limiteDiario: Math.min(50, positiveInt(args, "limite-diario", 50)),
    concurrency: positiveInt(args, "concurrency", 20),
    // 110/s = 6,600 leads/min, 10% over the 6,000/min target (as the ingest bench), as portals deliver;
    // --rate 0 posts back to back (the intake's capacity, which can outrun the worker).
    ratePerSecond: nonNegativeInt(args, "rate", 110),
    databaseUrl: arg(args, "database-url", process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test"),
    database: "lastro_bench_pipeline",
    redisUrl,
    // --embutido: the pipeline inside the webhook's process (the zero-config shape).
    worker: !args.includes("--embutido"),
    llm: args.includes("--llm"),
  };
  // lib/env parses process.env once, on first import: set it before loading anything that reads it,
  // so the route handler's getKv() is this Redis and the pipeline's info lines don't flood stdout.
  for (const name of HERMETIC_BLANKS) process.env[name] = "";
  process.env.REDIS_URL = redisUrl;
  process.env.LOG_LEVEL ||= "warn";
  const { runPipelineBench } = await import("./pipeline-run");
  report(options, redisUrl, await runPipelineBench(options));
}
