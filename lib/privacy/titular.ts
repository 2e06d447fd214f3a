// A person's own request about their data (LGPD art. 18), by phone or e-mail, within one agency:
// find what is held, export it as JSON, erase it. Erasure takes the personal data out of every row about
// the person (lib/db/queries/retencao.ts: anonymizeLeads) after stopping what could still go out about
// them; rows and counts stay for the metrics. The KV holds no lead data (lib/kv/keys.ts), so nothing
// there to remove. Every export and erasure writes an audit row with ids and counts, never the person.
import type { Db } from "@/lib/db/client";
import { insertAuditoria, insertAuditoriaDoSistema } from "@/lib/db/queries/auditoria";
import {
  anonymizeLeads,
  exportLeadsDoTitular,
  findLeadsDoTitular,
  stopWorkOnLeads,
  type TitularLead,
} from "@/lib/db/queries/retencao";
import { phoneSearchCandidates } from "@/lib/phone/phone-search";

export type TitularBusca = { telefones: string[] } | { email: string };
/** Who asks: an admin on /privacidade, or the agency's own system with an API key (/api/privacidade). */
export type Ator = { imobiliariaId: string; usuarioId: string } | { imobiliariaId: string; chaveApiId: string };

async function audit(db: Db, ator: Ator, acao: string, detalhes: Record<string, number | string>, em: Date) {
  const base = {
    imobiliariaId: ator.imobiliariaId,
    acao,
    alvoTipo: "titular",
    alvoId: ator.imobiliariaId,
    criadoEm: em,
  };
  if ("usuarioId" in ator) await insertAuditoria(db, { ...base, usuarioId: ator.usuarioId, detalhes });
  else await insertAuditoriaDoSistema(db, { ...base, detalhes: { ...detalhes, chaveApi: ator.chaveApiId } });
}

/** What the admin typed, as a phone (its E.164 forms) or an e-mail; null with the reason otherwise. */
export function parseTitularBusca(texto: string): { busca: TitularBusca } | { erro: string } {
  const t = texto.trim();
  if (!t) return { erro: "Informe o telefone ou o e-mail da pessoa." };
  if (t.includes("@")) {
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) ? { busca: { email: t.toLowerCase() } } : { erro: "E-mail inválido." };
  }
  const telefones = phoneSearchCandidates(t);
  return telefones ? { busca: { telefones } } : { erro: "Telefone inválido: use DDD e número, como (11) 98765-4321." };
}

export async function findTitular(db: Db, imobiliariaId: string, busca: TitularBusca): Promise<TitularLead[]> {
  return findLeadsDoTitular(db, imobiliariaId, busca);
}

/** The person's data as a JSON document; the audit row records that an export happened and of how many leads. */
export async function exportTitular(db: Db, ator: Ator, busca: TitularBusca, agora: Date) {
  const encontrados = await findLeadsDoTitular(db, ator.imobiliariaId, busca);
  const leads = encontrados.length
    ? await exportLeadsDoTitular(
        db,
        ator.imobiliariaId,
        encontrados.map((l) => l.id),
      )
    : [];
  await audit(db, ator, "titular.exportado", { leads: leads.length }, agora);
  return {
    geradoEm: agora.toISOString(),
    controlador: ator.imobiliariaId,
    baseLegal: "legítimo interesse: pedido de contato feito pelo titular em portal imobiliário",
    leads,
  };
}

/** Erases the person from the agency's data; returns how many leads and messages it touched. */
export async function eraseTitular(
  db: Db,
  ator: Ator,
  busca: TitularBusca,
  agora: Date,
): Promise<{ leads: number; mensagensCanceladas: number }> {
  const encontrados = await findLeadsDoTitular(db, ator.imobiliariaId, busca);
  const ids = encontrados.map((l) => l.id);
  const mensagensCanceladas = await stopWorkOnLeads(db, ator.imobiliariaId, ids, agora);
  const alvo = encontrados.map((l) => ({ id: l.id, nome: l.nome, desde: l.dataPrimeiroContato }));
  const feito = await anonymizeLeads(db, ator.imobiliariaId, alvo, { em: agora, motivo: "pedido_titular" });
  await audit(
    db,
    ator,
    "titular.apagado",
    { leads: feito.leads, mensagens: feito.mensagens, mensagensCanceladas },
    agora,
  );
  return { leads: feito.leads, mensagensCanceladas };
}
