// "Não quer contato" (LGPD opt-out): a person who answers "pare" / "não quero contato" on WhatsApp, or
// whom a broker marks on the lead page, is never the subject of a broker alert, reminder or follow-up
// again. Every lead of theirs in the agency is marked (`metadata.optOut`), what was still to go out about
// them is cancelled, undecided events closed, and the SLA chain and visit reminders stopped; the
// Orquestrador refuses new ones (process-evento.ts). A new inquiry later, after the 90-day link window,
// is a new lead: the person asked for contact again.
import type { Db } from "@/lib/db/client";
import { insertAuditoria, insertAuditoriaDoSistema } from "@/lib/db/queries/auditoria";
import { isInScope, type Scope } from "@/lib/auth/scope";
import { idSchema } from "@/lib/db/queries/columns";
import { getLeadById } from "@/lib/db/queries/leads";
import { findLeadsDoTitular, setOptOut, stopWorkOnLeads } from "@/lib/db/queries/retencao";
import { isE164 } from "@/lib/phone/e164";

// Whole-message commands ("pare", "sair") and the phrases people write; accents and case ignored.
const COMANDO = /^(pare|parar|para|stop|sair|cancelar|descadastrar|remover)[\s.!]*$/;
const FRASES = [
  /\bnao\s+(quero|desejo|gostaria\s+de)\s+(mais\s+)?(receber\s+)?(nenhum\s+)?(contato|contatos|mensage(m|ns)|ligac(ao|oes))\b/,
  /\bnao\s+me\s+(ligue|liguem|mande|mandem|procure|procurem|contate|contatem|chame|chamem)\b/,
  /\bpar(e|em|a)\s+de\s+me\s+(ligar|mandar|procurar|chamar|contatar)\b/,
  /\b(remova|removam|remover|tire|tirem|tirar|apague|apaguem)\s+(o\s+)?(meu|meus)\s+(numero|contato|telefone|dados)\b/,
];

export function isOptOutText(text: string | null | undefined): boolean {
  if (!text) return false;
  const t = text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();
  return COMANDO.test(t) || FRASES.some((re) => re.test(t));
}

export type OptOutOrigem = { canal: "whatsapp" } | { canal: "painel"; usuarioId: string };

/** Marks the leads and stops everything about them; audited with ids and counts only. */
export async function optOutLeads(
  db: Db,
  imobiliariaId: string,
  leadIds: string[],
  origem: OptOutOrigem,
  now: Date,
): Promise<{ marcados: string[]; mensagensCanceladas: number }> {
  return db.transaction(async (tx) => {
    const marcados = await setOptOut(tx, imobiliariaId, leadIds, { em: now, canal: origem.canal });
    const mensagensCanceladas = await stopWorkOnLeads(tx, imobiliariaId, marcados, now, "opt_out");
    if (marcados.length > 0) {
      const registro = {
        imobiliariaId,
        acao: "lead.opt_out",
        alvoTipo: "lead",
        alvoId: marcados[0]!,
        detalhes: { canal: origem.canal, leads: marcados.length, mensagensCanceladas },
        criadoEm: now,
      };
      if (origem.canal === "painel") await insertAuditoria(tx, { ...registro, usuarioId: origem.usuarioId });
      else await insertAuditoriaDoSistema(tx, registro);
    }
    return { marcados, mensagensCanceladas };
  });
}

/** Whether a lead's metadata says the person opted out. */
export function hasOptOut(metadata: unknown): boolean {
  return (
    typeof metadata === "object" &&
    metadata !== null &&
    "optOut" in metadata &&
    Boolean((metadata as { optOut?: unknown }).optOut)
  );
}

/**
 * A broker or manager marks the lead "não quer contato" from the lead page (the person said so by
 * phone, e-mail, in person). Only a lead in the login's scope; every lead of that phone is marked.
 */
export async function optOutFromPainel(
  db: Db,
  actor: { scope: Scope; usuarioId: string },
  leadId: string,
  now: Date,
): Promise<{ kind: "nao_encontrado" } | { kind: "feito"; leads: number; mensagensCanceladas: number }> {
  const lead = await getLeadById(db, actor.scope.imobiliariaId, idSchema.parse(leadId));
  if (!lead || !isInScope(actor.scope, lead)) return { kind: "nao_encontrado" };
  // A phone kept as the portal sent it matches no other lead: only this one is marked.
  const mesmaPessoa = isE164(lead.telefone)
    ? await findLeadsDoTitular(db, actor.scope.imobiliariaId, { telefones: [lead.telefone] })
    : [];
  const ids = [...new Set([lead.id, ...mesmaPessoa.map((l) => l.id)])];
  const feito = await optOutLeads(
    db,
    actor.scope.imobiliariaId,
    ids,
    { canal: "painel", usuarioId: actor.usuarioId },
    now,
  );
  return { kind: "feito", leads: feito.marcados.length, mensagensCanceladas: feito.mensagensCanceladas };
}
