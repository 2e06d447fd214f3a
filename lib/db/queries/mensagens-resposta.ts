// The `mensagens` queries behind a broker's WhatsApp reply (the inbound side of the table; see
// mensagens.ts for the sender's and mensagens-cota.ts for the Orquestrador's).
import { and, desc, eq, gte, inArray, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { mensagens, type MensagemTipo } from "../schema";
import { idSchema } from "./columns";
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
  const [row] = await db.select().from(mensagens).where(eq(mensagens.idempotencyKey, keySchema.parse(key)));
  return row ?? null;
}

/** Kinds of message that are about one lead and carry its quick-reply buttons. */
const SOBRE_UM_LEAD: MensagemTipo[] = ["alerta", "lembrete"];

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
    .where(and(
      corretor,
      inArray(mensagens.tipo, SOBRE_UM_LEAD),
      isNotNull(mensagens.leadId),
      isNotNull(mensagens.sentAt),
      gte(mensagens.sentAt, ref.desde),
    ))
    .orderBy(desc(mensagens.sentAt), desc(mensagens.id))
    .limit(1);
  return latest?.leadId ?? null;
}
