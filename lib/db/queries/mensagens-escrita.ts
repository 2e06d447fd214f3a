// The row the model is offered (agents/conselheiro/send/write-with-model.ts), read with its event's
// detection time in the same query: a hot alert's deadline counts from the webhook, not from the decision.
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { eventos, mensagens } from "../schema";
import { idSchema } from "./columns";
import type { Mensagem } from "./mensagens";

export type MensagemParaEscrita = Mensagem & { eventoDetectadoEm: Date | null };

export async function getMensagemParaEscrita(db: Db, id: string): Promise<MensagemParaEscrita | null> {
  const [row] = await db
    .select({ mensagem: mensagens, eventoDetectadoEm: eventos.dataDeteccao })
    .from(mensagens)
    .leftJoin(eventos, eq(eventos.id, mensagens.eventoId))
    .where(eq(mensagens.id, idSchema.parse(id)));
  return row ? { ...row.mensagem, eventoDetectadoEm: row.eventoDetectadoEm } : null;
}
