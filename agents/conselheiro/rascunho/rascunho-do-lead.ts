// The draft a broker sees and sends: the model's when one was stored for the lead, else the rules'.
import type { Db } from "@/lib/db/client";
import type { Lead } from "@/lib/db/queries/leads";
import { loadRascunhoInput, rascunhoSalvoSchema, type RascunhoJaLido } from "./escrever-rascunho";
import { rascunhoPorRegras } from "./rascunho-regras";

export type Rascunho = { texto: string; motor: string };

/** `lido`: what the caller read already (the lead page's interações, broker and listing), not read again. */
export async function rascunhoDoLead(db: Db, lead: Lead, lido: RascunhoJaLido = {}): Promise<Rascunho | null> {
  const salvo = rascunhoSalvoSchema.safeParse((lead.metadata as { rascunho?: unknown } | null)?.rascunho);
  if (salvo.success) return { texto: salvo.data.texto, motor: salvo.data.motor };
  const input = await loadRascunhoInput(db, lead, lido);
  return input ? { texto: rascunhoPorRegras(input), motor: "regras" } : null;
}
