// The `mensagens` queries behind a broker's WhatsApp reply (the inbound side of the table; see
// mensagens.ts for the sender's and mensagens-quota.ts for the Orquestrador's).
import { and, desc, eq, gte, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { mensagens, type MensagemStatus, type MensagemTipo } from "../schema";
import { idSchema, leadIdsSchema, ownerFilter, type AlvoDosLeads } from "./columns";
import type { Mensagem } from "./mensagens";

const keySchema = z.string().min(1).max(200);

/**
 * Serializes, until the transaction ends, everything done for one inbound message: Twilio retries
 * a webhook it thinks failed, and the retry must wait for, then see, the first one's rows.
 */
export async function lockInboundMessage(tx: Db, messageSid: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`inbound|${keySchema.parse(messageSid)}`}, 0))`);
}

export async function findMensagemByIdempotencyKey(db: Db, key: string): Promise<Mensagem | null> {
  const [row] = await db
    .select()
    .from(mensagens)
    .where(eq(mensagens.idempotencyKey, keySchema.parse(key)));
  return row ?? null;
}

/** Kinds of message that are about one lead and carry its quick-reply buttons. */
export const SOBRE_UM_LEAD: MensagemTipo[] = ["alerta", "lembrete", "follow_up", "lembrete_visita", "pos_visita"];

/**
 * The lead a button without payload (or a typed "já contatei") is about: the message the broker
 * replied to when Twilio names it, else the latest message about a lead sent to them since `desde`.
 */
export async function findLeadDaMensagemRespondida(
  db: Db,
  corretorId: string,
  ref: { providerSid?: string | null; desde: Date },
): Promise<string | null> {
  const corretor = eq(mensagens.corretorId, idSchema.parse(corretorId));
  if (ref.providerSid) {
    const [row] = await db
      .select({ leadId: mensagens.leadId })
      .from(mensagens)
      .where(and(corretor, eq(mensagens.providerSid, z.string().max(64).parse(ref.providerSid))));
    if (row?.leadId) return row.leadId;
  }
  const [latest] = await db
    .select({ leadId: mensagens.leadId })
    .from(mensagens)
    .where(
      and(
        corretor,
        inArray(mensagens.tipo, SOBRE_UM_LEAD),
        isNotNull(mensagens.leadId),
        isNotNull(mensagens.sentAt),
        gte(mensagens.sentAt, ref.desde),
      ),
    )
    .orderBy(desc(mensagens.sentAt), desc(mensagens.id))
    .limit(1);
  return latest?.leadId ?? null;
}

/** Statuses of a row that has not gone out (and is not going out right now: `enviando` is left alone). */
const AINDA_NAO_SAIU: MensagemStatus[] = ["agendada", "pendente", "retida_cota"];

export type MensagemCancelada = Pick<Mensagem, "id" | "tipo" | "scheduledFor" | "criadoEm"> & {
  statusAnterior: MensagemStatus;
};

/** Why the rows are cancelled (`erro_codigo`, and `erro_mensagem` shown on the message card), and which stay. */
export type CancelamentoDeMensagens = {
  codigo: string;
  mensagem: string;
  /** Only these kinds; every kind when absent. */
  tipos?: MensagemTipo[];
  /** A `pendente` row with this `erro_codigo` stays: its last attempt may have reached the broker, and only the sender's lookup can tell. */
  naoConfirmado?: string;
};

/**
 * Cancels the messages about the leads that have not gone out, recording why. Returns each row as
 * it was.
 */
export async function cancelMensagensNaoEnviadas(
  tx: Db,
  alvo: AlvoDosLeads,
  motivo: CancelamentoDeMensagens,
  now: Date,
): Promise<MensagemCancelada[]> {
  const leadIds = leadIdsSchema.parse(alvo.leadIds);
  if (leadIds.length === 0) return [];
  const dono = ownerFilter(alvo, mensagens);
  // Locked first so the status read here is the one replaced: a sender's claim waits, then finds
  // the row no longer sendable; a claim that came first leaves the row `enviando`, outside this set.
  const rows = await tx
    .select({
      id: mensagens.id,
      tipo: mensagens.tipo,
      statusAnterior: mensagens.status,
      scheduledFor: mensagens.scheduledFor,
      criadoEm: mensagens.criadoEm,
    })
    .from(mensagens)
    .where(
      and(
        dono,
        inArray(mensagens.leadId, leadIds),
        motivo.tipos ? inArray(mensagens.tipo, motivo.tipos) : undefined,
        inArray(mensagens.status, AINDA_NAO_SAIU),
        motivo.naoConfirmado === undefined
          ? undefined
          : or(ne(mensagens.status, "pendente"), sql`${mensagens.erroCodigo} is distinct from ${motivo.naoConfirmado}`),
      ),
    )
    .orderBy(mensagens.id)
    .for("update");
  if (rows.length === 0) return [];
  await tx
    .update(mensagens)
    .set({
      status: "cancelada",
      erroCodigo: z.string().min(1).max(20).parse(motivo.codigo),
      erroMensagem: z.string().min(1).max(2000).parse(motivo.mensagem),
      atualizadoEm: now,
    })
    .where(
      inArray(
        mensagens.id,
        rows.map((r) => r.id),
      ),
    );
  return rows;
}
