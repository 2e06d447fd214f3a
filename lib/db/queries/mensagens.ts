// WhatsApp messages to brokers. The row is the truth of "was it sent": it is created with a unique
// idempotency key (evento/digest + corretor + tipo), claimed before any API call, and only then sent.
import { and, asc, eq, gte, inArray, lt, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { newId } from "@/lib/ids";
import { E164_PATTERN } from "@/lib/phone/e164";
import type { Db } from "../client";
import { MENSAGEM_STATUS, MENSAGEM_TIPOS, mensagens, type MensagemStatus } from "../schema";
import { idSchema } from "./columns";
import { redacaoSchema } from "@/lib/domain/redacao";

export type Mensagem = typeof mensagens.$inferSelect;

const novaMensagemSchema = z
  .object({
    imobiliariaId: idSchema,
    /** The broker it is for, or (exactly one of the two) the manager's login. */
    corretorId: idSchema.nullish(),
    usuarioId: idSchema.nullish(),
    leadId: idSchema.nullish(),
    eventoId: idSchema.nullish(),
    eventoIds: z.array(idSchema).default([]),
    tipo: z.enum(MENSAGEM_TIPOS),
    destino: z.string().regex(E164_PATTERN, "destino deve estar em E.164"),
    corpo: z.string().min(1).max(4096),
    templateSid: z.string().max(64).nullish(),
    templateVariaveis: z.record(z.string(), z.string()).nullish(),
    botoes: z
      .array(z.object({ id: z.string().min(1).max(64), titulo: z.string().min(1).max(24) }))
      .max(3)
      .default([]),
    status: z.enum(MENSAGEM_STATUS),
    idempotencyKey: z.string().min(1).max(200),
    scheduledFor: z.date().nullish(),
    criadoEm: z.date().optional(),
    redacao: redacaoSchema.nullish(),
    /** Set only when the text is settled at insert (the template, with why): no model turn is due. */
    escritaPor: z.string().min(1).max(60).nullish(),
    escritaMotivo: z.string().max(120).nullish(),
  })
  .refine((m) => !m.corretorId !== !m.usuarioId, {
    message: "a mensagem é para um corretor ou para um usuário, exatamente um",
  });
export type NovaMensagem = z.input<typeof novaMensagemSchema>;

/** Inserts the message unless its idempotency key exists; returns the row either way and whether it is new. */
export async function insertMensagemOnce(
  db: Db,
  input: NovaMensagem,
): Promise<{ mensagem: Mensagem; criada: boolean }> {
  const data = novaMensagemSchema.parse(input);
  const [row] = await db
    .insert(mensagens)
    .values({ id: newId("msg"), ...data })
    .onConflictDoNothing({ target: mensagens.idempotencyKey })
    .returning();
  if (row) return { mensagem: row, criada: true };
  const [existing] = await db.select().from(mensagens).where(eq(mensagens.idempotencyKey, data.idempotencyKey));
  return { mensagem: existing!, criada: false };
}

export async function getMensagemById(db: Db, id: string): Promise<Mensagem | null> {
  const [row] = await db
    .select()
    .from(mensagens)
    .where(eq(mensagens.id, idSchema.parse(id)));
  return row ?? null;
}

/** Kinds that spend the broker's daily quota: scheduled ones become `pendente` only through the
 *  Orquestrador's release (agents/orquestrador/release-scheduled.ts), never by being claimed directly. */
const QUOTA_TIPOS = ["alerta", "agrupada", "follow_up"] as const;

/** Sendable now: pending and due, or a scheduled quota-free kind (reminder, summary, reply) now due. */
function sendableNow(now: Date) {
  const due = or(sql`${mensagens.scheduledFor} is null`, lte(mensagens.scheduledFor, now));
  return or(
    and(eq(mensagens.status, "pendente"), due),
    and(
      eq(mensagens.status, "agendada"),
      notInArray(mensagens.tipo, [...QUOTA_TIPOS]),
      lte(mensagens.scheduledFor, now),
    ),
  );
}

/** `escrita_por` of a body the rules wrote (the model's is `modelo:<nome>`). */
export const ESCRITA_REGRAS = "regras";
/** `escrita_motivo` of a row the model was never asked about: no model configured… */
export const ESCRITA_SEM_MODELO = "sem_modelo";
/** …or a kind whose text stays the template's (a reply to a command, a row without `redacao`). */
export const ESCRITA_TIPO_FIXO = "tipo_fixo";

/**
 * Atomically moves a sendable message to `enviando` (one attempt more). Returns null when another
 * worker holds it or it is no longer sendable — the caller must then do nothing.
 */
export async function claimMensagem(
  db: Db,
  id: string,
  now: Date,
  /** The model's verdict for a row no one has written yet (write-with-model.ts): saved with the claim. */
  escrita?: Escrita,
): Promise<Mensagem | null> {
  const e = escrita ? escritaSchema.parse(escrita) : null;
  const unwritten = sql`${mensagens.escritaPor} is null`;
  const [row] = await db
    .update(mensagens)
    .set({
      status: "enviando",
      tentativas: sql`${mensagens.tentativas} + 1`,
      atualizadoEm: now,
      // A row no model wrote goes out in the template's words, and says so: never offered to a model
      // (no key, or asked by the runner's write job already) or a kind with no redacao at all.
      escritaPor: sql`coalesce(${mensagens.escritaPor}, ${e?.escritaPor ?? ESCRITA_REGRAS})`,
      escritaMotivo: e
        ? sql`case when ${unwritten} then ${e.escritaMotivo} else ${mensagens.escritaMotivo} end`
        : sql`case when ${unwritten}
        then (case when ${mensagens.redacao} is null then ${ESCRITA_TIPO_FIXO} else ${ESCRITA_SEM_MODELO} end)
        else ${mensagens.escritaMotivo} end`,
      ...(e?.corpo ? { corpo: sql`case when ${unwritten} then ${e.corpo} else ${mensagens.corpo} end` } : {}),
    })
    .where(and(eq(mensagens.id, idSchema.parse(id)), sendableNow(now)))
    .returning();
  return row ?? null;
}

const transitionSchema = z.object({
  status: z.enum(MENSAGEM_STATUS),
  providerSid: z.string().max(64).nullish(),
  erroCodigo: z.string().max(20).nullish(),
  erroMensagem: z.string().max(2000).nullish(),
  sentAt: z.date().nullish(),
  scheduledFor: z.date().nullish(),
  templateSid: z.string().max(64).nullish(),
  templateVariaveis: z.record(z.string(), z.string()).nullish(),
});

/** Records the outcome of a claimed send (or a status callback); only from the expected status. */
export async function transitionMensagem(
  db: Db,
  id: string,
  from: MensagemStatus[],
  to: z.input<typeof transitionSchema>,
  now: Date,
): Promise<Mensagem | null> {
  return transitionWhere(db, eq(mensagens.id, idSchema.parse(id)), from, to, now);
}

async function transitionWhere(
  db: Db,
  target: SQL,
  from: MensagemStatus[],
  to: z.input<typeof transitionSchema>,
  now: Date,
): Promise<Mensagem | null> {
  const data = transitionSchema.parse(to);
  const [row] = await db
    .update(mensagens)
    .set({ ...data, atualizadoEm: now })
    .where(and(target, inArray(mensagens.status, from)))
    .returning();
  return row ?? null;
}

export async function findMensagemByProviderSid(db: Db, sid: string): Promise<Mensagem | null> {
  const [row] = await db
    .select()
    .from(mensagens)
    .where(eq(mensagens.providerSid, z.string().min(1).max(64).parse(sid)));
  return row ?? null;
}

/** The agency's outbox and recent messages, newest first, optionally for one broker. */
export type MensagensFilter = {
  corretorId?: string;
  status?: MensagemStatus[];
  /** Created at or after this instant, and before `until`. */
  since?: Date;
  until?: Date;
  /**
   * The next page of the newest-first list: rows created before this row (keyset, not OFFSET). The
   * cursor keeps milliseconds, as every writer sets `criado_em` from a JS Date.
   */
  before?: { at: Date; id: string };
  limit?: number;
};

/** An agency's messages, newest first (ties by id, so pages never skip nor repeat a row). */
export async function listMensagens(db: Db, imobiliariaId: string, filter: MensagensFilter = {}): Promise<Mensagem[]> {
  const conditions = [eq(mensagens.imobiliariaId, idSchema.parse(imobiliariaId))];
  if (filter.corretorId) conditions.push(eq(mensagens.corretorId, idSchema.parse(filter.corretorId)));
  if (filter.status?.length) conditions.push(inArray(mensagens.status, filter.status));
  if (filter.since) conditions.push(gte(mensagens.criadoEm, filter.since));
  if (filter.until) conditions.push(lt(mensagens.criadoEm, filter.until));
  if (filter.before) {
    conditions.push(
      sql`(${mensagens.criadoEm}, ${mensagens.id}) < (${filter.before.at.toISOString()}::timestamptz, ${idSchema.parse(filter.before.id)})`,
    );
  }
  return db
    .select()
    .from(mensagens)
    .where(and(...conditions))
    .orderBy(sql`${mensagens.criadoEm} desc`, sql`${mensagens.id} desc`)
    .limit(Math.min(filter.limit ?? 100, 500));
}

/**
 * Every message about one lead, newest first: those naming it (alerts, reminders) and the digests
 * that told its events (`agrupadaIds`, from eventos.mensagem_agrupada_id: a digest names no lead).
 */
export async function listMensagensDoLead(
  db: Db,
  imobiliariaId: string,
  leadId: string,
  agrupadaIds: string[] = [],
  limit = 200,
): Promise<Mensagem[]> {
  return mensagensDoLeadQuery(db, imobiliariaId, leadId, agrupadaIds, limit);
}

/** The statement behind listMensagensDoLead, exported for its EXPLAIN test. */
export function mensagensDoLeadQuery(
  db: Db,
  imobiliariaId: string,
  leadId: string,
  agrupadaIds: string[] = [],
  limit = 200,
) {
  const doLead = eq(mensagens.leadId, idSchema.parse(leadId));
  const ids = agrupadaIds.map((id) => idSchema.parse(id));
  return db
    .select()
    .from(mensagens)
    .where(
      and(
        eq(mensagens.imobiliariaId, idSchema.parse(imobiliariaId)),
        ids.length ? or(doLead, inArray(mensagens.id, ids)) : doLead,
      ),
    )
    .orderBy(sql`${mensagens.criadoEm} desc`, sql`${mensagens.id} desc`)
    .limit(limit);
}

/**
 * Like transitionMensagem, but only while the row still carries `providerSid`: a status callback
 * about an earlier send of the row must never touch the row once it has been resent.
 */
export async function transitionMensagemForSid(
  db: Db,
  providerSid: string,
  from: MensagemStatus[],
  to: z.input<typeof transitionSchema>,
  now: Date,
): Promise<Mensagem | null> {
  return transitionWhere(db, eq(mensagens.providerSid, z.string().min(1).max(64).parse(providerSid)), from, to, now);
}

/**
 * Rows left `enviando` by a process that died mid-send. Their outcome is unknown, so they go back
 * to `pendente` marked unconfirmed: the sender looks them up at the provider before sending again.
 */
export async function requeueStaleEnviando(
  db: Db,
  claimedBefore: Date,
  unconfirmedCode: string,
  now: Date,
): Promise<string[]> {
  const rows = await db
    .update(mensagens)
    .set({ status: "pendente", erroCodigo: unconfirmedCode, atualizadoEm: now })
    .where(and(eq(mensagens.status, "enviando"), lte(mensagens.atualizadoEm, claimedBefore)))
    .returning({ id: mensagens.id });
  return rows.map((r) => r.id);
}

/** Ids the sender may claim now (see claimMensagem), oldest first. */
export async function listSendableIds(
  db: Db,
  now: Date,
  limit = 200,
): Promise<{ id: string; corretorId: string | null }[]> {
  return db
    .select({ id: mensagens.id, corretorId: mensagens.corretorId })
    .from(mensagens)
    .where(sendableNow(now))
    .orderBy(asc(mensagens.criadoEm))
    .limit(Math.min(limit, 1000));
}

const escritaSchema = z.object({
  corpo: z.string().min(1).max(4096).optional(),
  escritaPor: z.string().min(1).max(60),
  escritaMotivo: z.string().max(120).nullable(),
});
/** Who wrote a message's body, and the model's text when it is kept (write-with-model.ts). */
export type Escrita = z.input<typeof escritaSchema>;

/**
 * Records who wrote a pending message's body (and the model's text, when it is kept) once: only while
 * nobody has and the row is not yet claimed, so a send in progress never changes under its sender.
 */
export async function saveEscritaMensagem(
  db: Db,
  id: string,
  escrita: z.input<typeof escritaSchema>,
  now: Date,
): Promise<Mensagem | null> {
  const data = escritaSchema.parse(escrita);
  const [row] = await db
    .update(mensagens)
    .set({ ...data, atualizadoEm: now })
    .where(
      and(
        eq(mensagens.id, idSchema.parse(id)),
        inArray(mensagens.status, ["pendente", "agendada"]),
        sql`${mensagens.escritaPor} is null`,
      ),
    )
    .returning();
  return row ?? null;
}
