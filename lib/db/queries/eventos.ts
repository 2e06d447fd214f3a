// Detected events. A new row starts `processado = false`: that flag is the pipeline's to-do list,
// which the runner's sweep reads after a crash.
import { and, asc, eq, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { newId } from "@/lib/ids";
import type { Db } from "../client";
import { CompiledStatement, compiledRowInsert, type BoundStatement } from "../wire/compiled-statement";
import { decodeRow } from "../decode-row";
import { EVENTO_TIPOS, eventos, leads, URGENCIAS, type Urgencia } from "../schema";
import { idSchema, leadIdsSchema, ownerFilter, type AlvoDosLeads } from "./columns";

export type Evento = typeof eventos.$inferSelect;

const novoEventoSchema = z.object({
  imobiliariaId: idSchema,
  tipo: z.enum(EVENTO_TIPOS),
  urgencia: z.enum(URGENCIAS),
  corretorId: idSchema.nullish(),
  leadId: idSchema.nullish(),
  titulo: z.string().min(1).max(500),
  descricao: z.string().max(10_000),
  acaoRecomendada: z.string().max(2_000),
  dataDeteccao: z.date(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export type NovoEvento = z.input<typeof novoEventoSchema>;

function eventoRow(input: NovoEvento): Evento {
  const data = novoEventoSchema.parse(input);
  return {
    id: newId("evt", data.dataDeteccao.getTime()),
    imobiliariaId: data.imobiliariaId,
    tipo: data.tipo,
    urgencia: data.urgencia,
    corretorId: data.corretorId ?? null,
    leadId: data.leadId ?? null,
    titulo: data.titulo,
    descricao: data.descricao,
    acaoRecomendada: data.acaoRecomendada,
    dataDeteccao: data.dataDeteccao,
    processado: false,
    metadata: data.metadata ?? null,
    mensagemAgrupadaId: null,
  };
}

export async function insertEvento(tx: Db, input: NovoEvento): Promise<Evento> {
  const [row] = await tx.insert(eventos).values(eventoRow(input)).returning();
  return row!;
}

/**
 * An event whose id its detector derives from what it is about (a lead's follow-up step, a visit's
 * reminder): written once whatever the number of sweeps or runners (`on conflict do nothing`).
 * `decisao` marks it decided already (a step that writes its own message, not the Orquestrador's).
 * Returns the row, or null when it existed.
 */
export async function insertEventoOnce(
  tx: Db,
  input: NovoEvento & { id: string; decisao?: Record<string, unknown> },
): Promise<Evento | null> {
  const base = eventoRow(input);
  const row: Evento = input.decisao
    ? { ...base, processado: true, metadata: { ...(base.metadata ?? {}), decisao: input.decisao } }
    : base;
  const [created] = await tx
    .insert(eventos)
    .values({ ...row, id: idSchema.parse(input.id) })
    .onConflictDoNothing({ target: eventos.id })
    .returning();
  return created ?? null;
}

/** The event `input` becomes and its insert, not yet run: for composeWrites on the intake path (units/record-intake.ts). */
export function planInsertEvento(input: NovoEvento): { row: Evento; write: BoundStatement } {
  const row = eventoRow(input);
  return { row, write: insertRowStatement.bind(row) };
}

const insertRowStatement = compiledRowInsert("eventos.insert", eventos);

export async function listEventosByLead(db: Db, imobiliariaId: string, leadId: string): Promise<Evento[]> {
  return db
    .select()
    .from(eventos)
    .where(and(eq(eventos.imobiliariaId, idSchema.parse(imobiliariaId)), eq(eventos.leadId, idSchema.parse(leadId))))
    .orderBy(asc(eventos.dataDeteccao), asc(eventos.id));
}

// ── Orquestrador ─────────────────────────────────────────────────────────────────────────────

/** Pipeline only: the id comes from our own dispatch or sweep, and the row names its agency. */
export async function getEventoForPipeline(db: Db, id: string): Promise<Evento | null> {
  const [row] = await db
    .select()
    .from(eventos)
    .where(eq(eventos.id, idSchema.parse(id)));
  return row ?? null;
}

/**
 * The event locked (FOR UPDATE) until the caller's transaction ends, so two deciders of the same
 * event run one after the other; planned: decode with lockedEvento.
 */
export function planLockEventoForDecision(id: string): BoundStatement {
  return lockStatement.bind({ id: idSchema.parse(id) });
}

export function lockedEvento(rows: Record<string, unknown>[]): Evento | null {
  return rows[0] ? decodeRow(eventos, rows[0]) : null;
}

const lockStatement = new CompiledStatement<{ id: string }>("eventos.lock_for_decision", (db, p) =>
  db
    .select()
    .from(eventos)
    .where(eq(eventos.id, p("id")))
    .for("update"),
);

/** The row's metadata with the top-level keys of `extraJson` (JSON text, a value or a placeholder) set, the others kept. */
const mergeMetadata = (extraJson: unknown) => sql`coalesce(${eventos.metadata}, '{}'::jsonb) || ${extraJson}::jsonb`;

const decidido = (decisao: Record<string, unknown>) => ({
  processado: true,
  metadata: mergeMetadata(JSON.stringify({ decisao })),
});

/** `processado = true` with the Orquestrador's decision in `metadata.decisao` (other keys kept), planned. */
export function planMarkEventoDecidido(id: string, decisao: Record<string, unknown>): BoundStatement {
  return markStatement.bind({
    id: idSchema.parse(id),
    extra: JSON.stringify({ decisao: z.record(z.string(), z.unknown()).parse(decisao) }),
  });
}

const markStatement = new CompiledStatement<{ id: string; extra: string }>("eventos.mark_decidido", (db, p) =>
  db
    .update(eventos)
    .set({ processado: true, metadata: mergeMetadata(p("extra")) })
    .where(eq(eventos.id, p("id"))),
);

/**
 * The same, for a decision that writes nothing else: one statement, no transaction. False when the
 * event was already decided (by a concurrent run, which this update waited for).
 */
export async function markEventoDecididoIfPending(
  db: Db,
  id: string,
  decisao: Record<string, unknown>,
): Promise<boolean> {
  const rows = await db
    .update(eventos)
    .set(decidido(decisao))
    .where(and(eq(eventos.id, idSchema.parse(id)), sql`${eventos.processado} is not true`))
    .returning({ id: eventos.id });
  return rows.length > 0;
}

/**
 * Many decisions that write nothing else, in one statement (the embedded runner's routine batch):
 * the ids this call decided; an id already decided (by a concurrent run) is left as it was.
 */
export async function markEventosDecididosIfPending(
  db: Db,
  decisoes: readonly { id: string; decisao: Record<string, unknown> }[],
): Promise<Set<string>> {
  if (decisoes.length === 0) return new Set();
  const linhas = JSON.stringify(
    decisoes.map((d) => ({ id: idSchema.parse(d.id), decisao: z.record(z.string(), z.unknown()).parse(d.decisao) })),
  );
  const rows = await db
    .update(eventos)
    .set({
      processado: true,
      metadata: sql`coalesce(${eventos.metadata}, '{}'::jsonb) || jsonb_build_object('decisao', d.decisao)`,
    })
    .from(sql`jsonb_to_recordset(${linhas}::jsonb) as d(id varchar, decisao jsonb)`)
    .where(and(sql`${eventos.id} = d.id`, sql`${eventos.processado} is not true`))
    .returning({ id: eventos.id });
  return new Set(rows.map((r) => r.id));
}

/**
 * Decided `agrupar`, not given up (`metadata.cancelamento`) and not yet told by an `agrupada`
 * message (`mensagem_agrupada_id`). Written as idx_eventos_aguardando_agrupamento's predicate, so
 * the planner reads that small partial index instead of every event ever decided.
 */
function aguardandoAgrupamento(): SQL[] {
  return [
    sql`${eventos.processado} = true`,
    isNull(eventos.mensagemAgrupadaId),
    sql`(${eventos.metadata} -> 'decisao' ->> 'acao') = 'agrupar'`,
    sql`(${eventos.metadata} -> 'cancelamento') is null`,
  ];
}

/**
 * Events waiting for a grouped message (see aguardandoAgrupamento): the grouping queue a flush
 * reads. Oldest first.
 */
export async function listEventosAguardandoAgrupamento(
  db: Db,
  filter: { corretorId?: string } = {},
): Promise<Evento[]> {
  return eventosAguardandoAgrupamentoQuery(db, filter);
}

/** The query itself, so a test can check that its plan reads idx_eventos_aguardando_agrupamento. */
export function eventosAguardandoAgrupamentoQuery(db: Db, filter: { corretorId?: string } = {}) {
  const conditions = aguardandoAgrupamento();
  if (filter.corretorId) conditions.push(eq(eventos.corretorId, idSchema.parse(filter.corretorId)));
  return db
    .select()
    .from(eventos)
    .where(and(...conditions))
    .orderBy(asc(eventos.id));
}

/**
 * Records that `digest` told the broker's events it lists (its `evento_ids`), in the digest's own
 * transaction: from then on they no longer wait. Events already told keep their first digest.
 */
export async function markEventosAgrupados(
  tx: Db,
  digest: { id: string; corretorId: string; eventoIds: string[] },
): Promise<void> {
  const ids = z.array(idSchema).parse(digest.eventoIds);
  if (ids.length === 0) return;
  await tx
    .update(eventos)
    .set({ mensagemAgrupadaId: idSchema.parse(digest.id) })
    .where(
      and(
        inArray(eventos.id, ids),
        eq(eventos.corretorId, idSchema.parse(digest.corretorId)),
        isNull(eventos.mensagemAgrupadaId),
      ),
    );
}

/**
 * Takes the lead's events still waiting for the broker's digest out of it, recording why in
 * `metadata.cancelamento` (the decision stays as it was). Returns their ids.
 */
export async function cancelAgrupamentoDoLead(
  tx: Db,
  alvo: { corretorId: string; leadId: string },
  cancelamento: Record<string, unknown>,
): Promise<string[]> {
  const rows = await tx
    .update(eventos)
    .set({ metadata: mergeMetadata({ cancelamento }) })
    .where(
      and(
        eq(eventos.corretorId, idSchema.parse(alvo.corretorId)),
        eq(eventos.leadId, idSchema.parse(alvo.leadId)),
        ...aguardandoAgrupamento(),
      ),
    )
    .returning({ id: eventos.id });
  return rows.map((r) => r.id).sort();
}

/**
 * The leads' events that the Orquestrador has not decided yet, decided now as `cancelado` (with
 * `metadata.cancelamento`): a decider running at this moment is waited for (row lock), and one that
 * starts later finds them decided. Returns their ids.
 */
export async function cancelEventosNaoDecididos(
  tx: Db,
  alvo: AlvoDosLeads,
  cancelamento: Record<string, unknown> & { em: string },
): Promise<string[]> {
  const leadIds = leadIdsSchema.parse(alvo.leadIds);
  if (leadIds.length === 0) return [];
  const dono = ownerFilter(alvo, eventos);
  const rows = await tx
    .update(eventos)
    .set({
      processado: true,
      metadata: mergeMetadata({
        decisao: {
          acao: "cancelado",
          ...(typeof cancelamento.motivo === "string" ? { motivo: cancelamento.motivo } : {}),
          mensagemIds: [],
          decididoEm: cancelamento.em,
        },
        cancelamento,
      }),
    })
    .where(and(dono, inArray(eventos.leadId, leadIds), sql`${eventos.processado} is not true`))
    .returning({ id: eventos.id });
  return rows.map((r) => r.id).sort();
}

// ── Pipeline sweep ───────────────────────────────────────────────────────────────────────────

/** Events no Orquestrador has decided yet, detected before `detectedBefore` (work a crash may have lost). */
/**
 * Undecided events detected by `detectedBefore`, the most urgent first, with the event's urgência and its
 * lead's score, by which the embedded runner orders the decisions (inngest/embedded/decision-turns.ts).
 */
export async function listUnprocessedEventos(
  db: Db,
  detectedBefore: Date,
  limit = 200,
): Promise<(Pick<Evento, "id" | "corretorId" | "leadId" | "imobiliariaId" | "urgencia"> & { score: number | null })[]> {
  return (
    db
      .select({
        id: eventos.id,
        corretorId: eventos.corretorId,
        leadId: eventos.leadId,
        imobiliariaId: eventos.imobiliariaId,
        urgencia: eventos.urgencia,
        // Per returned row, after the limit: a join would read every lead to rank a few events.
        score: sql<number | null>`(select ${leads.score} from ${leads} where ${leads.id} = ${eventos.leadId})`,
      })
      .from(eventos)
      .where(and(eq(eventos.processado, false), lte(eventos.dataDeteccao, detectedBefore)))
      // The most urgent first, so under a backlog of routine events a hot lead is still among those read.
      .orderBy(URGENCIA_PRIMEIRO, asc(eventos.dataDeteccao), asc(eventos.id))
      .limit(Math.min(limit, 1000))
  );
}

// From URGENCIAS (least urgent first), as decision-turns ranks, so the order is written once; no
// urgência ranks as `media`. Raw, since the values are the code's own constants, not input.
const urgenciaRank = (u: Urgencia) => URGENCIAS.length - 1 - URGENCIAS.indexOf(u);
const URGENCIA_PRIMEIRO = sql`case ${eventos.urgencia} ${sql.raw(
  [...URGENCIAS]
    .reverse()
    .map((u) => `when '${u}' then ${urgenciaRank(u)}`)
    .join(" "),
)} else ${sql.raw(String(urgenciaRank("media")))} end`;

/** How far behind the Orquestrador is: undecided events and the detection time of the oldest one. */
export async function pipelineBacklog(db: Db): Promise<{ pendentes: number; maisAntigo: Date | null }> {
  const [row] = await db
    .select({
      pendentes: sql<number>`count(*)::int`,
      maisAntigo: sql<Date | string | null>`min(${eventos.dataDeteccao})`,
    })
    .from(eventos)
    .where(eq(eventos.processado, false));
  const raw = row?.maisAntigo ?? null;
  // Aggregates come back untyped: a Date from PGlite, an ISO-ish string from pg.
  return { pendentes: row?.pendentes ?? 0, maisAntigo: raw === null ? null : new Date(raw) };
}
