// Seeds the demo agency ("Imobiliária Horizonte"): brokers, listings, logins, portal credentials and
// N leads with their history. Deterministic: the same seed and `now` give the same rows. Leads are
// generated and inserted chunk by chunk inside one transaction, so memory stays flat and a failure
// leaves nothing behind.
import { getTableName, is, sql, type InferInsertModel } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type { Db, DbHandle } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { insertInBatches } from "@/lib/db/queries/bulk-insert";
import * as schema from "@/lib/db/schema";
import { log } from "@/lib/log";
import { DEMO_AGENCY, DEMO_INTEGRACOES, DEMO_LOGINS, type DemoIntegracao, type DemoLogin } from "./demo-accounts";
import { buildIntegracoes, buildUsuarios } from "./generate-accounts";
import { buildDemoBase } from "./generate-base";
import { deriveShortLinkKey, shortLinkKey } from "@/lib/links/short-link-key";
import { createLeadContext, generateLead } from "./generate-lead";
import { buildLeadClock } from "./lead-clock";
import { MessagePlanner } from "./message-planner";
import { createRandom, deriveSeed } from "./random";

const {
  imobiliarias,
  corretores,
  imoveis,
  usuarios,
  leads,
  entregasWebhook,
  interacoes,
  eventos,
  mensagens,
  integracoes,
} = schema;

export const DEFAULT_SEED = 2026;
export const DEFAULT_LEADS = 400;
export const MAX_LEADS = 1_000_000;
const CHUNK_LEADS = 1000;
const YIELD_EVERY = 100;

/** The seed's steps, in order; `npm run db:seed` shows a bar and the time of each. */
export const SEED_PHASES = {
  base: "corretores, imóveis e logins",
  leads: "leads, histórico, eventos e mensagens",
  finais: "agrupadas e resumos finais",
  integracoes: "integrações dos portais",
  confirmar: "gravação (COMMIT)",
  estatisticas: "estatísticas do planejador (ANALYZE)",
} as const;
export type SeedPhase = keyof typeof SEED_PHASES;
export type SeedProgress = { fase: SeedPhase; done: number; total: number };

export type SeedOptions = {
  /** How many leads (default 400). */
  leads?: number;
  /** Every date is relative to it (default: the current time). */
  now?: Date;
  seed?: number;
  /** Called as each phase advances (a phase starts with done = 0); `done === total` ends it. */
  onProgress?: (progress: SeedProgress) => void;
  /** Key for the integration secrets (default: getEncryptionKey()). */
  encryptionKey?: Buffer;
};

export type SeedCounts = {
  imobiliarias: number;
  corretores: number;
  imoveis: number;
  usuarios: number;
  leads: number;
  interacoes: number;
  eventos: number;
  mensagens: number;
  entregasWebhook: number;
  integracoes: number;
};

export type SeedSummary = {
  imobiliariaId: string;
  slug: string;
  nome: string;
  seed: number;
  now: string;
  counts: SeedCounts;
  logins: DemoLogin[];
  integracoes: DemoIntegracao[];
  durationMs: number;
  /** How long each phase took, in order. */
  fases: { fase: SeedPhase; ms: number }[];
};

function parseOptions(options: SeedOptions) {
  const total = options.leads ?? DEFAULT_LEADS;
  if (!Number.isInteger(total) || total < 0 || total > MAX_LEADS) {
    throw new Error(`número de leads inválido: ${total} (use um inteiro entre 0 e ${MAX_LEADS})`);
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new Error(`semente inválida: ${seed} (use um número inteiro)`);
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) throw new Error("data de referência (now) inválida");
  return { total, seed: seed >>> 0, now };
}

/** Writes the demo agency and `leads` leads. Fails (unique slug) if the agency already exists. */
export async function seedDemo(handle: DbHandle, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const { total, seed, now } = parseOptions(options);
  const rng = createRandom(deriveSeed(seed, 0));
  const base = buildDemoBase(rng, now);
  const users = await buildUsuarios(rng, base, now);
  const clock = buildLeadClock(seed, total, now, DEMO_AGENCY.timezone);
  const ctx = createLeadContext(base, {
    seed,
    now,
    timezone: DEMO_AGENCY.timezone,
    clock,
    linksKey: () => (options.encryptionKey ? deriveShortLinkKey(options.encryptionKey) : shortLinkKey()),
  });
  const planner = new MessagePlanner({
    seed,
    agencyId: base.agencyId,
    now,
    timezone: DEMO_AGENCY.timezone,
    clock,
    brokers: base.brokers,
    scoreQuente: base.config.scoreQuente,
  });
  const counts: SeedCounts = {
    imobiliarias: 1,
    corretores: base.rows.corretores.length,
    imoveis: base.rows.imoveis.length,
    usuarios: users.length,
    leads: 0,
    interacoes: 0,
    eventos: 0,
    mensagens: 0,
    entregasWebhook: 0,
    integracoes: 0,
  };
  const lastDelivery = new Map<string, Date>();

  type Chunk = {
    leads: InferInsertModel<typeof leads>[];
    entregas: InferInsertModel<typeof entregasWebhook>[];
    interacoes: InferInsertModel<typeof interacoes>[];
    eventos: InferInsertModel<typeof eventos>[];
    mensagens: InferInsertModel<typeof mensagens>[];
  };

  const fases: SeedSummary["fases"] = [];
  let phaseStarted = performance.now();
  const progress = (fase: SeedPhase, done: number, phaseTotal: number) => {
    if (done === 0) phaseStarted = performance.now();
    options.onProgress?.({ fase, done, total: phaseTotal });
    if (done === phaseTotal) fases.push({ fase, ms: Math.round(performance.now() - phaseStarted) });
  };

  // Yields to the event loop now and then, so the previous chunk's INSERTs progress meanwhile.
  // The planner hands back each event once its digest link is known, so nothing is updated later.
  async function generateChunk(from: number, to: number): Promise<Chunk> {
    const chunk: Chunk = { leads: [], entregas: [], interacoes: [], eventos: [], mensagens: [] };
    for (let i = from; i < to; i++) {
      if ((i - from) % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
      const bundle = generateLead(ctx, i);
      chunk.leads.push(bundle.lead);
      chunk.entregas.push(...bundle.entregas);
      chunk.interacoes.push(...bundle.interacoes);
      const planned = planner.add(bundle, createRandom(deriveSeed(seed, 4, i)));
      chunk.eventos.push(...planned.eventos);
      chunk.mensagens.push(...planned.mensagens);
      for (const e of bundle.entregas) if (e.resultado === "aceita") lastDelivery.set(e.portal, e.recebidoEm!);
    }
    return chunk;
  }

  // Foreign keys decide the order: leads before what points at them, eventos before mensagens.
  async function insertChunk(tx: Db, chunk: Chunk) {
    counts.leads += await insertInBatches(tx, leads, chunk.leads);
    counts.entregasWebhook += await insertInBatches(tx, entregasWebhook, chunk.entregas);
    counts.interacoes += await insertInBatches(tx, interacoes, chunk.interacoes);
    counts.eventos += await insertInBatches(tx, eventos, chunk.eventos);
    counts.mensagens += await insertInBatches(tx, mensagens, chunk.mensagens);
  }

  await handle.db.transaction(async (tx) => {
    progress("base", 0, 4);
    await insertInBatches(tx, imobiliarias, [base.rows.imobiliaria]);
    await insertInBatches(tx, corretores, base.rows.corretores);
    progress("base", 2, 4);
    await insertInBatches(tx, imoveis, base.rows.imoveis);
    await insertInBatches(tx, usuarios, users);
    progress("base", 4, 4);
    progress("leads", 0, total);
    // Two chunks at most in memory: Postgres writes one while the next is generated (2 cores).
    let writing: Promise<void> = Promise.resolve();
    for (let from = 0; from < total; from += CHUNK_LEADS) {
      const to = Math.min(total, from + CHUNK_LEADS);
      const chunk = await generateChunk(from, to);
      await writing;
      writing = insertChunk(tx, chunk).then(() => {
        if (to < total) progress("leads", to, total);
      });
      writing.catch(() => undefined); // awaited on the next turn; this only keeps Node from calling it unhandled
    }
    await writing;
    if (total > 0) progress("leads", total, total);
    else fases.push({ fase: "leads", ms: 0 });
    const last = planner.finish();
    const finalRows = last.eventos.length + last.mensagens.length;
    progress("finais", 0, finalRows);
    counts.eventos += await insertInBatches(tx, eventos, last.eventos, {
      onBatch: (n) => progress("finais", Math.min(n, finalRows - 1), finalRows),
    });
    counts.mensagens += await insertInBatches(tx, mensagens, last.mensagens, {
      onBatch: (n) => progress("finais", Math.min(last.eventos.length + n, finalRows - 1), finalRows),
    });
    progress("finais", finalRows, finalRows);
    progress("integracoes", 0, 1);
    counts.integracoes = await insertInBatches(
      tx,
      integracoes,
      buildIntegracoes(rng, base, now, lastDelivery, options.encryptionKey),
    );
    progress("integracoes", 1, 1);
    progress("confirmar", 0, 1);
  });
  progress("confirmar", 1, 1);

  // A bulk load leaves the planner without statistics until autovacuum analyzes (never, where it is
  // off). Without them a connection's cached generic plan can scan every lead of the agency for
  // each intake (measured: 8 ms per lead at 6,400 leads, growing with the table). One table at a
  // time, so the progress bar moves while it runs.
  const tables = schemaTables().map((t) => getTableName(t));
  progress("estatisticas", 0, tables.length);
  for (const [k, name] of tables.entries()) {
    await handle.db.execute(sql.raw(`analyze "${name}"`));
    progress("estatisticas", k + 1, tables.length);
  }

  const durationMs = Math.round(performance.now() - started);
  log.info("demo.seeded", { imobiliariaId: base.agencyId, seed, leads: total, durationMs });
  return {
    imobiliariaId: base.agencyId,
    slug: DEMO_AGENCY.slug,
    nome: DEMO_AGENCY.nome,
    seed,
    now: now.toISOString(),
    counts,
    logins: DEMO_LOGINS.map((l) => ({ ...l })),
    integracoes: DEMO_INTEGRACOES.map((i) => ({ ...i })),
    durationMs,
    fases,
  };
}

/** True when the database already holds an agency (the demo or a real one). */
export async function hasAnyAgency(db: Db): Promise<boolean> {
  const rows = await db.select({ id: imobiliarias.id }).from(imobiliarias).limit(1);
  return rows.length > 0;
}

/** Seeds only an empty database (no agency yet); returns whether it seeded. */
export async function seedDemoIfEmpty(handle: DbHandle, options: SeedOptions = {}): Promise<boolean> {
  if (await hasAnyAgency(handle.db)) return false;
  try {
    await seedDemo(handle, options);
    return true;
  } catch (err) {
    // Another process seeded between our check and our insert: its data stands, ours rolled back.
    if (isUniqueViolation(err) && (await hasAnyAgency(handle.db))) return false;
    throw err;
  }
}

/** Empties every table of the schema (for `db:seed --reset`). Destroys ALL data, not only the demo's. */
export async function resetDemoData(handle: DbHandle): Promise<void> {
  const names = schemaTables()
    .map((t) => `"${getTableName(t)}"`)
    .join(", ");
  await handle.db.execute(sql.raw(`TRUNCATE ${names} RESTART IDENTITY CASCADE`));
}

function schemaTables(): PgTable[] {
  return (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
}
