// The broker's tap on a short link about a lead, kept as their first action on it: one `toque_link`
// interação per lead and broker (later taps add nothing), `data_ultima_interacao` moved, the status
// left alone (a tap opens WhatsApp; whether the broker then wrote is theirs to confirm).
import type { Db } from "@/lib/db/client";
import type { Corretor } from "@/lib/db/queries/corretores";
import { hasInteracaoDoCorretor, insertInteracao } from "@/lib/db/queries/interacoes";
import type { Lead } from "@/lib/db/queries/leads";
import { lockLeadForUpdate, touchLeadInteracao } from "@/lib/db/queries/leads-resposta";
import type { ShortLinkKind } from "@/lib/links/short-link";

const CONTEUDO: Record<ShortLinkKind, (nome: string) => string> = {
  wa: (nome) => `${nome} tocou em “Responder agora” na mensagem do WhatsApp e abriu a conversa com o lead.`,
  lead: (nome) => `${nome} tocou em “Ver no painel” na mensagem do WhatsApp.`,
};

export type LinkTap = { lead: Pick<Lead, "id" | "imobiliariaId">; corretor: Corretor; kind: ShortLinkKind; now: Date };

/** True when this tap was recorded; false for a repeat, or when the lead is no longer the broker's. */
export async function recordLinkTap(db: Db, tap: LinkTap): Promise<boolean> {
  if (!tap.lead.imobiliariaId) return false;
  const imobiliariaId = tap.lead.imobiliariaId;
  return db.transaction(async (tx) => {
    // The row lock makes two taps at once (a double tap, two devices) record one row.
    const lead = await lockLeadForUpdate(tx, imobiliariaId, tap.lead.id);
    if (!lead || lead.corretorId !== tap.corretor.id) return false;
    if (await hasInteracaoDoCorretor(tx, lead.id, "toque_link", tap.corretor.id)) return false;
    const minutos = lead.dataPrimeiroContato
      ? Math.max(0, Math.round((tap.now.getTime() - lead.dataPrimeiroContato.getTime()) / 60_000))
      : null;
    await insertInteracao(tx, {
      leadId: lead.id,
      tipo: "toque_link",
      data: tap.now,
      conteudo: CONTEUDO[tap.kind](tap.corretor.nome),
      metadata: { corretorId: tap.corretor.id, via: "link", link: tap.kind, minutosDesdeRecebimento: minutos },
    });
    await touchLeadInteracao(tx, lead, tap.now);
    return true;
  });
}
