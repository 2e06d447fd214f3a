// The messages an /eventos page names (its decisions' mensagemIds, the digests that told them), read by
// primary key: a page's worth of ids, never a scan of the agency's messages.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { mensagens } from "../schema";
import { idSchema } from "./columns";

export type MensagemDoEvento = {
  id: string;
  tipo: (typeof mensagens.$inferSelect)["tipo"];
  status: (typeof mensagens.$inferSelect)["status"];
  scheduledFor: Date | null;
  criadoEm: Date;
  corretorId: string | null;
  /** For an alert the quota held: the digest that told it later. */
  mensagemAgrupadaId: string | null;
};

/** The messages of these ids within the agency (by primary key: a page's worth, never a scan). */
export async function listMensagensByIds(db: Db, imobiliariaId: string, ids: string[]): Promise<MensagemDoEvento[]> {
  const valid = [...new Set(ids)].filter((id) => idSchema.safeParse(id).success);
  if (valid.length === 0) return [];
  return db
    .select({
      id: mensagens.id,
      tipo: mensagens.tipo,
      status: mensagens.status,
      scheduledFor: mensagens.scheduledFor,
      criadoEm: mensagens.criadoEm,
      corretorId: mensagens.corretorId,
      mensagemAgrupadaId: mensagens.mensagemAgrupadaId,
    })
    .from(mensagens)
    .where(and(eq(mensagens.imobiliariaId, idSchema.parse(imobiliariaId)), inArray(mensagens.id, valid)));
}
