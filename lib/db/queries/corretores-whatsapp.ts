// The brokers table as the inbound WhatsApp webhook sees it: who wrote us (by E.164 phone) and
// when they last did (that opens Twilio's 24-hour session window). Kept apart from corretores.ts,
// which the dashboard owns, the way mensagens-quota.ts is kept apart from mensagens.ts.
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { parsePreferencias } from "@/lib/domain/preferencias";
import type { Db } from "../client";
import { corretores } from "../schema";
import { idSchema, telefoneSchema } from "./columns";
import type { Corretor } from "./corretores";

/** Key in `corretores.metadata`: ISO instant of the broker's latest WhatsApp message to us. */
export const ULTIMA_MENSAGEM_RECEBIDA = "ultimaMensagemRecebidaEm";

/**
 * Brokers whose phone is one of `telefones` (E.164), active ones first. A phone is not unique
 * across agencies, so the caller decides between several.
 */
export async function findCorretoresByTelefones(db: Db, telefones: string[]): Promise<Corretor[]> {
  const phones = z.array(telefoneSchema).max(5).parse(telefones);
  if (phones.length === 0) return [];
  const rows = await db
    .select()
    .from(corretores)
    .where(inArray(corretores.telefone, phones))
    // `ativo` null counts as active, as everywhere else.
    .orderBy(desc(sql`coalesce(${corretores.ativo}, true)`), asc(corretores.id));
  return rows.map((row) => ({ ...row, preferencias: parsePreferencias(row.preferencias) }));
}

/** Records that the broker wrote us at `at`; other metadata keys are kept. */
export async function recordMensagemRecebida(db: Db, corretorId: string, at: Date): Promise<void> {
  await db
    .update(corretores)
    .set({
      metadata: sql`coalesce(${corretores.metadata}, '{}'::jsonb) || jsonb_build_object(${ULTIMA_MENSAGEM_RECEBIDA}::text, ${at.toISOString()}::text)`,
    })
    .where(eq(corretores.id, idSchema.parse(corretorId)));
}

/** When the broker last wrote us, or null (never, or a malformed value). */
export function ultimaMensagemRecebidaEm(corretor: Pick<Corretor, "metadata">): Date | null {
  const value = corretor.metadata?.[ULTIMA_MENSAGEM_RECEBIDA];
  if (typeof value !== "string") return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
