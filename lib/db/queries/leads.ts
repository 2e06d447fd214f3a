// The leads table: reads, and the intake's statements (units/record-intake.ts): the person lock, the
// earlier-lead lookup, the new lead and a repeat inquiry's update.
import { and, desc, eq, gte, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../client";
import { asParam, compiledRowInsert, type Arg, type BoundStatement } from "../wire/compiled-statement";
import { LEAD_STATUS, leads } from "../schema";
import { emailSchema, idSchema, nomeSchema, telefoneSchema } from "./columns";

export type Lead = typeof leads.$inferSelect;

const buscaSchema = z
  .object({
    tipo: z.string().trim().min(1).optional(),
    finalidade: z.enum(["venda", "aluguel"]).optional(),
    bairro: z.string().trim().min(1).optional(),
    cidade: z.string().trim().min(1).optional(),
    uf: z.string().length(2).optional(),
    precoMin: z.number().nonnegative().optional(),
    precoMax: z.number().nonnegative().optional(),
    quartos: z.number().int().nonnegative().optional(),
  })
  .strict();

export const novoLeadSchema = z.object({
  id: idSchema.optional(),
  imobiliariaId: idSchema,
  corretorId: idSchema.nullish(),
  imovelId: idSchema.nullish(),
  nome: nomeSchema,
  telefone: telefoneSchema,
  email: emailSchema.nullish(),
  origem: z.string().trim().min(1).max(50).nullish(),
  dataPrimeiroContato: z.date().nullish(),
  dataUltimaInteracao: z.date().nullish(),
  score: z.number().int().min(0).max(100).optional(),
  status: z.enum(LEAD_STATUS).optional(),
  busca: buscaSchema.nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

export type NovoLead = z.input<typeof novoLeadSchema>;

export async function getLeadById(db: Db, imobiliariaId: string, id: string): Promise<Lead | null> {
  const [row] = await db
    .select()
    .from(leads)
    .where(and(eq(leads.imobiliariaId, idSchema.parse(imobiliariaId)), eq(leads.id, idSchema.parse(id))));
  return row ?? null;
}

/**
 * The lead by id alone, in whatever agency. Only for a caller whose own proof scopes it: a short
 * link's token, checked against this lead's agency's brokers before anything is shown or written.
 */
export async function findLeadByIdForLink(db: Db, id: string): Promise<Lead | null> {
  const [row] = await db
    .select()
    .from(leads)
    .where(eq(leads.id, idSchema.parse(id)));
  return row ?? null;
}

/** For the pipeline's own jobs, which carry the lead id they were given by the intake (never a user). */
export const getLeadForPipeline = findLeadByIdForLink;

const rascunhoSchema = z.object({
  texto: z.string().min(1).max(700),
  motor: z.string().min(1).max(60),
  em: z.string(),
});

/** Stores the lead's reply draft once (`metadata.rascunho`); false when one was already there. */
export async function saveRascunhoLead(db: Db, id: string, rascunho: z.input<typeof rascunhoSchema>): Promise<boolean> {
  const value = JSON.stringify(rascunhoSchema.parse(rascunho));
  const rows = await db
    .update(leads)
    .set({ metadata: sql`jsonb_set(coalesce(${leads.metadata}, '{}'::jsonb), '{rascunho}', ${value}::jsonb)` })
    .where(and(eq(leads.id, idSchema.parse(id)), sql`not coalesce(${leads.metadata}, '{}'::jsonb) ? 'rascunho'`))
    .returning({ id: leads.id });
  return rows.length > 0;
}

/**
 * New leads with a broker and no stored reply draft, received in [desde, ate), oldest first: the ones a
 * lost analysis turn left without the model's draft (idx_leads_recebido walks the window).
 */
export async function listLeadsSemRascunho(
  db: Db,
  window: { desde: Date; ate: Date; limit: number },
): Promise<string[]> {
  const { desde, ate, limit } = z
    .object({ desde: z.date(), ate: z.date(), limit: z.number().int().min(1).max(500) })
    .parse(window);
  const rows = await db
    .select({ id: leads.id })
    .from(leads)
    .where(
      and(
        gte(leads.dataPrimeiroContato, desde),
        lt(leads.dataPrimeiroContato, ate),
        isNotNull(leads.corretorId),
        sql`not coalesce(${leads.metadata}, '{}'::jsonb) ? 'rascunho'`,
      ),
    )
    .orderBy(leads.dataPrimeiroContato)
    .limit(limit);
  return rows.map((r) => r.id);
}

// ── Portal intake ────────────────────────────────────────────────────────────────────────────
// Used inside the intake's transaction; see units/record-intake.ts.

export { OPEN_LEAD_STATUS } from "../schema";

/** The person's lock keys, sorted: locks are always taken in this order, so two intakes cannot deadlock. */
export type PersonLock = { keys: string[] };

/**
 * Serializes intake of the same person (phone / e-mail) within an agency until the transaction
 * ends, so two portals delivering the same person at once cannot both create a lead. Returns the
 * lock for planClaimDelivery to take in its own statement; null when there is no contact.
 */
export function lockPerson(imobiliariaId: string, contacts: (string | null)[]): PersonLock | null {
  const agency = idSchema.parse(imobiliariaId);
  const keys = [...new Set(contacts.filter((c): c is string => Boolean(c)))].sort();
  return keys.length === 0 ? null : { keys: keys.map((key) => `${agency}|${key}`) };
}

/** The lock over `keys` (values or placeholders) as a scalar subquery for planClaimDelivery's statement. */
export function personLockSql(keys: readonly unknown[]): SQL {
  // The target list is evaluated left to right, so locks are taken in the keys' order.
  const locks = keys.map((key) => sql`pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  return sql`(select 1 from (select ${sql.join(locks, sql`, `)}) as lock_pessoa)`;
}

export type ContactSince = { telefone: string | null; email: string | null; since: Date };
/** ContactSince with the agency, each a value or a placeholder (intake-context.ts compiles it). */
export type ContactArgs = {
  imobiliariaId: Arg<string>;
  telefone: Arg<string> | null;
  email: Arg<string> | null;
  since: Arg<Date>;
};

/** Validates a contact for recentLeadByContactQuery; the e-mail is matched lower-cased. */
export function contactArgs(imobiliariaId: string, contact: ContactSince): ContactSince & { imobiliariaId: string } {
  return {
    imobiliariaId: idSchema.parse(imobiliariaId),
    telefone: contact.telefone || null,
    email: contact.email ? contact.email.toLowerCase() : null,
    since: z.date().parse(contact.since),
  };
}

/**
 * The person's most recent lead in the agency since `since`, by E.164 phone or lower-cased e-mail,
 * as a query (null when there is nothing to match on): the intake sends it in one statement with
 * its other reads (intake-context.ts).
 */
export function recentLeadByContactQuery(db: Db, args: ContactArgs) {
  const newestBy = (match: SQL) =>
    db
      .select()
      .from(leads)
      .where(
        and(
          eq(leads.imobiliariaId, asParam(leads.imobiliariaId, args.imobiliariaId)),
          match,
          gte(leads.dataPrimeiroContato, asParam(leads.dataPrimeiroContato, args.since)),
        ),
      )
      .orderBy(desc(leads.dataPrimeiroContato))
      .limit(1);
  const byPhone = args.telefone ? newestBy(eq(leads.telefone, asParam(leads.telefone, args.telefone))) : null;
  const byEmail = args.email ? newestBy(eq(leads.email, asParam(leads.email, args.email))) : null;
  if (!byPhone || !byEmail) return byPhone ?? byEmail;
  // Phone OR e-mail as one condition let the planner walk all the agency's leads by date until one
  // matched (all of them, for a new person); each branch here is one range of its own index.
  return unionAll(byPhone, byEmail).orderBy(desc(leads.dataPrimeiroContato)).limit(1);
}

const intakeLeadSchema = novoLeadSchema.extend({
  id: idSchema,
  // A phone that failed validation is kept as the portal sent it (flagged in metadata), never dropped.
  telefone: z.string().trim().max(20),
  // Checked by the portal's parser; one over 200 characters arrives cut to fit the column (flagged,
  // the whole address kept in the delivery's interação), so it is no longer a well-formed address.
  email: z.string().trim().toLowerCase().min(1).max(200).nullish(),
});

/** A new lead as a portal delivery makes it: unlike insertLead's input, the phone may be a flagged, non-E.164 raw value. */
export type PortalLead = z.input<typeof intakeLeadSchema>;

/**
 * A lead from a portal and its insert, not yet run (for composeWrites with its interaction and
 * event, units/record-intake.ts).
 */
export function planInsertLeadFromPortal(input: PortalLead): { row: Lead; write: BoundStatement } {
  const data = intakeLeadSchema.parse(input);
  const row: Lead = {
    id: data.id,
    imobiliariaId: data.imobiliariaId,
    corretorId: data.corretorId ?? null,
    imovelId: data.imovelId ?? null,
    nome: data.nome,
    telefone: data.telefone,
    email: data.email ?? null,
    origem: data.origem ?? null,
    dataPrimeiroContato: data.dataPrimeiroContato ?? null,
    dataUltimaInteracao: data.dataUltimaInteracao ?? null,
    score: data.score ?? 0,
    status: data.status ?? "novo",
    busca: data.busca ?? null,
    metadata: data.metadata ?? null,
    // Set by the interacoes trigger (migration 0013) when the broker first responds.
    primeiraRespostaEm: null,
    // The SLA chain starts at the arrival (agents/vigilante/sla/).
    slaEtapa: 0,
    slaDesde: null,
    slaProximaEm: null,
    visitaEm: null,
  };
  return { row, write: insertRowStatement.bind(row) };
}

const insertRowStatement = compiledRowInsert("leads.insert", leads);

/** What a returning person's delivery changes on their lead (recordRepeatInquiry). */
export type RepeatInquiry = { at: Date; score: number; metadata: Record<string, unknown>; corretorId?: string | null };

/** A returning person: newer contact time, the higher score, and the merged intake metadata. */
export async function recordRepeatInquiry(tx: Db, lead: Lead, update: RepeatInquiry): Promise<Lead> {
  const [row] = await tx
    .update(leads)
    .set({
      dataUltimaInteracao: update.at,
      score: Math.max(lead.score ?? 0, update.score),
      metadata: { ...(lead.metadata ?? {}), ...update.metadata },
      ...(update.corretorId !== undefined ? { corretorId: update.corretorId } : {}),
    })
    .where(eq(leads.id, lead.id))
    .returning();
  return row!;
}
