// The manager's daily/weekly summary as one WhatsApp text: the head (leads, funnel, median first
// response), then sections — leads by portal, SLA breaches and who, leads waiting longest, the
// brokers' first-response ranking, demand vs stock — each cut with "e mais N…" so the whole fits
// WhatsApp's 1,600 characters (fitSections). Outside the 24-hour window the kind's template carries
// the flattened text (templateVariablesFromBody).
import type { ResumoGestorData } from "@/agents/analista/resumo-gestor/load-resumo-gestor";
import { origemLabel } from "@/lib/portals/origem-label";
import { bold, fitSections, leadText, MAX_CORPO } from "@/lib/whatsapp/text/compose";
import { periodoDias } from "./compose-listas";
import { duracaoTexto } from "./compose-resumo-semanal";
import type { MensagemGestao } from "./message-types";
import { redacaoDoInicio } from "./redacao";

const ETAPA: Record<string, [string, string]> = {
  contato: ["em contato", "em contato"],
  visita: ["visita", "visitas"],
  proposta: ["proposta", "propostas"],
  fechado: ["fechado", "fechados"],
};
const DIMENSAO = { bairro: "Bairro", tipo: "Tipo", faixa: "Faixa" } as const;
const plural = (n: number, um: string, varios: string) => `${n} ${n === 1 ? um : varios}`;

export function composeResumoGestor(d: ResumoGestorData): MensagemGestao {
  const dias = periodoDias(d.periodo, d.timezone).texto;
  const titulo = d.tipo === "diario" ? `Resumo da gestão — ${dias}` : `Resumo da gestão — semana de ${dias}`;
  const funil = d.funil
    .slice(1)
    .map((e) => {
      const [um, varios] = ETAPA[e.etapa] ?? [e.etapa, e.etapa];
      return `${plural(e.leads, um, varios)}${e.conversaoPct === null ? "" : ` (${e.conversaoPct}%)`}`;
    })
    .join(" → ");
  const head = [
    `📊 ${bold(titulo)}`,
    leadText(d.imobiliariaNome, 80),
    `Leads recebidos: ${d.leads}`,
    ...(d.leads > 0 ? [`Funil: ${funil}`] : []),
    `1º contato: ${
      d.resposta.medianaMin === null
        ? "sem registro no período"
        : `mediana de ${duracaoTexto(d.resposta.medianaMin)} (${plural(d.resposta.medidas, "lead", "leads")})`
    }`,
  ].join("\n");

  const slaTotal = d.sla.reduce((n, s) => n + s.leads, 0);
  const { corpo } = fitSections(
    head,
    [
      {
        titulo: bold("Leads por portal"),
        linhas: d.porPortal.map((p) => `• ${origemLabel(p.origem || null)}: ${p.leads}`),
      },
      {
        titulo: bold(`Prazo de resposta estourado (${plural(slaTotal, "lead", "leads")})`),
        linhas: d.sla.map((s) => `• ${leadText(s.nome, 40)}: ${s.leads}`),
      },
      {
        titulo: bold(`Esperando o 1º contato (${d.aguardando.total})`),
        linhas: d.aguardando.leads.map(
          (l) =>
            `• ${leadText(l.nome, 40)} — ${origemLabel(l.origem)}, ${l.corretorNome ? leadText(l.corretorNome, 40) : "sem corretor"}, há ${duracaoTexto((d.agora.getTime() - l.recebidoEm.getTime()) / 60_000)}`,
        ),
      },
      {
        titulo: bold("1º contato por corretor (mediana)"),
        linhas: d.ranking.map(
          (c, i) =>
            `${i + 1}. ${leadText(c.nome, 40)} — ${duracaoTexto(c.medianaMin)} (${plural(c.medidas, "lead", "leads")})`,
        ),
      },
      {
        titulo: bold("Procura x estoque"),
        linhas: d.reprimida.map(
          (r) =>
            `• ${DIMENSAO[r.dimensao]} ${leadText(r.nome, 40)}: ${plural(r.leads, "lead", "leads")}, ${r.imoveis === 0 ? "nenhum imóvel" : plural(r.imoveis, "imóvel", "imóveis")}`,
        ),
      },
    ],
    "Detalhes em Métricas, no painel do Lastro.",
    MAX_CORPO,
  );
  // The head's figures may be said in the model's words; the sections (names, rankings) stay ours.
  const mediana = d.resposta.medianaMin === null ? null : duracaoTexto(d.resposta.medianaMin);
  const etapas = d.funil.slice(1);
  return {
    corpo,
    ...redacaoDoInicio(
      d.tipo === "diario" ? "resumo_gestor" : "resumo_gestor_semanal",
      head,
      corpo,
      [dias, String(d.leads), ...(d.leads > 0 ? etapas.map((e) => String(e.leads)) : []), mediana],
      {
        periodo: d.tipo === "diario" ? dias : `semana de ${dias}`,
        imobiliaria: leadText(d.imobiliariaNome, 80),
        leadsRecebidos: String(d.leads),
        ...(d.leads > 0 ? { funil } : {}),
        primeiroContato: mediana
          ? `mediana de ${mediana} (${plural(d.resposta.medidas, "lead", "leads")})`
          : "sem registro no período",
      },
    ),
  };
}
