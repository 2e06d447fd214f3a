// The `mensagens` queries behind the daily quota and grouping (the Orquestrador's side of the table;
// mensagens.ts holds the sender's). Kept apart so each file stays small and owned by one agent.
import { and, asc, count, eq, gte, inArray, isNull, lt, lte, notInArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { mensagens, type MensagemStatus, type MensagemTipo } from "../schema";
import { idSchema } from "./columns";
import type { Mensagem } from "./mensagens";

/** The kinds that use a slot of the broker's daily quota (`resumo`, `lembrete`, `resposta` do not). */
export const QUOTA_TIPOS: MensagemTipo[] = ["alerta", "agrupada", "follow_up"];
/**
 * Statuses that hold no slot: waiting for their time, held by the quota itself, or cancelled (a
 * cancelled row that had a slot gives it back in KV too: see cancelPendentesDoLead).
 */
export const NO_QUOTA_STATUS: MensagemStatus[] = ["agendada", "retida_cota", "cancelada"];

/**
 * Serializes, until the transaction ends, everything that counts or spends one broker's quota
 * in Postgres (the KV-down fallback), the broker's digest flush, and a "Passar adiante" taking
 * back what still waited for the broker.
 */
export async function lockCorretorQuota(tx: Db, corretorId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`cota|${idSchema.parse(corretorId)}`}, 0))`);
}

// When a row used its slot: its creation, or for a released scheduled row the release instant,
// which release-scheduled writes into `scheduled_for`.
const quotaInstant = sql`coalesce(${mensagens.scheduledFor}, ${mensagens.criadoEm})`;

/** Messages that used one of the broker's quota slots in [desde, ate). */
export async function countMensagensUsingQuota(tx: Db, corretorId: string, desde: Date, ate: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(mensagens)
    .where(
      and(
        eq(mensagens.corretorId, idSchema.parse(corretorId)),
        inArray(mensagens.tipo, QUOTA_TIPOS),
        notInArray(mensagens.status, NO_QUOTA_STATUS),
        gte(quotaInstant, sql`${desde.toISOString()}::timestamptz`),
        lt(quotaInstant, sql`${ate.toISOString()}::timestamptz`),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Held alerts no `agrupada` message has told yet; the predicate is idx_mensagens_retidas_sem_agrupada's. */
export async function listRetidasSemAgrupada(db: Db, filter: { corretorId?: string } = {}): Promise<Mensagem[]> {
  return retidasSemAgrupadaQuery(db, filter);
}

/** The query itself, so a test can check that its plan reads idx_mensagens_retidas_sem_agrupada. */
export function retidasSemAgrupadaQuery(db: Db, filter: { corretorId?: string } = {}) {
  const conditions = [
    sql`${mensagens.status} = 'retida_cota'`,
    sql`${mensagens.tipo} = 'alerta'`,
    isNull(mensagens.mensagemAgrupadaId),
  ];
  if (filter.corretorId) conditions.push(eq(mensagens.corretorId, idSchema.parse(filter.corretorId)));
  return db
    .select()
    .from(mensagens)
    .where(and(...conditions))
    .orderBy(asc(mensagens.criadoEm), asc(mensagens.id));
}

/** Records that `digest` told the broker's held alerts whose event it lists, in the digest's own transaction. */
export async function markRetidasAgrupadas(
  tx: Db,
  digest: { id: string; corretorId: string; eventoIds: string[] },
): Promise<void> {
  const eventoIds = z.array(idSchema).parse(digest.eventoIds);
  if (eventoIds.length === 0) return;
  await tx
    .update(mensagens)
    .set({ mensagemAgrupadaId: idSchema.parse(digest.id) })
    .where(
      and(
        eq(mensagens.corretorId, idSchema.parse(digest.corretorId)),
        eq(mensagens.status, "retida_cota"),
        eq(mensagens.tipo, "alerta"),
        inArray(mensagens.eventoId, eventoIds),
        isNull(mensagens.mensagemAgrupadaId),
      ),
    );
}

/** Scheduled alerts and digests now due: each must take a quota slot before it may be sent. */
export async function listDueAgendadasUsingQuota(db: Db, now: Date, limit = 100): Promise<Mensagem[]> {
  return db
    .select()
    .from(mensagens)
    .where(
      and(eq(mensagens.status, "agendada"), inArray(mensagens.tipo, QUOTA_TIPOS), lte(mensagens.scheduledFor, now)),
    )
    .orderBy(asc(mensagens.scheduledFor), asc(mensagens.id))
    .limit(limit);
}
