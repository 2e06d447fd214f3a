// `npm run bench -- dashboard` options, read and checked before anything starts.
import { parseArgs } from "node:util";
import { isPlainDatabaseName } from "@/scripts/lib/fresh-database";

export const DASHBOARD_USAGE = [
  "uso: npm run bench -- dashboard [--reuse] [--db NOME] [--leads N] [--n N] [--warmup N] [--port P] [--url URL]",
  "                                [--database-url postgres://…] [--redis-url redis://…]",
  "  --reuse         o banco --db já tem os dados (de uma execução anterior): não recria nem semeia",
  "  --db NOME       o banco no servidor de --database-url (padrão lastro_bench_dashboard; recriado sem --reuse)",
  "  --leads N       leads semeados (padrão 100000)",
  "  --n N           pedidos medidos por página e papel (padrão 50), depois de --warmup (padrão 10)",
  "  --port P        porta do servidor de produção iniciado pelo bench (padrão 3201)",
  "  --url URL       um servidor já em pé (sobre o banco --db) em vez de iniciar um",
].join("\n");

export type DashboardArgs = {
  reuse: boolean;
  database: string;
  leads: number;
  n: number;
  warmup: number;
  port: number;
  url: string | null;
  serverUrl: string;
  redisUrl: string;
  help: boolean;
};

type Env = Partial<Record<string, string>>;

function integer(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} deve ser um inteiro ≥ ${min} (recebido: ${raw})`);
  return n;
}

export function parseDashboardArgs(argv: string[], env: Env = {}): DashboardArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      reuse: { type: "boolean" },
      db: { type: "string" },
      leads: { type: "string" },
      n: { type: "string" },
      warmup: { type: "string" },
      port: { type: "string" },
      url: { type: "string" },
      "database-url": { type: "string" },
      "redis-url": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  const database = values.db ?? "lastro_bench_dashboard";
  // Refused here, before any work, with the flag's name; scripts/lib/fresh-database.ts would refuse it too.
  if (!isPlainDatabaseName(database)) {
    throw new Error(`--db deve ter só letras minúsculas, números e _ (recebido: ${database})`);
  }
  return {
    reuse: values.reuse ?? false,
    database,
    leads: integer("leads", values.leads, 100_000, 1),
    n: integer("n", values.n, 50, 1),
    warmup: integer("warmup", values.warmup, 10, 0),
    port: integer("port", values.port, 3201, 1),
    url: values.url ? values.url.replace(/\/+$/, "") : null,
    serverUrl: values["database-url"] ?? env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    redisUrl: values["redis-url"] ?? env.REDIS_URL ?? "redis://127.0.0.1:6379",
    help: values.help ?? false,
  };
}
