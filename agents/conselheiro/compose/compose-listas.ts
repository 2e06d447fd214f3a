// Messages that list leads: the grouped digest ("3 novos leads desde 14h") and the daily summary.
// Lists are cut to fit one WhatsApp message ("e mais N…"); the dashboard always has the whole list.
import type { LeadLinks } from "@/lib/links/lead-links";
import { origemLabel } from "@/lib/portals/origem-label";
import { responderLink } from "./compose-lead";
import { redacaoDoInicio } from "./redacao";
import type { AgrupadaInput, ComposedMessage, LeadLinha, Remetente, ResumoDiarioInput } from "./message-types";
import { plural } from "../../../lib/text/plural";
import { bold, clip, desdeTexto, diaCurto, fitSections, horaCurta, leadText } from "../../../lib/whatsapp/text/compose";

const byScore = (a: LeadLinha, b: LeadLinha) => b.score - a.score;

/** "• *Maria Souza* · ZAP Imóveis · score 55 · https://…/r/…" — one line per lead, its link short. */
export function leadLinha(lead: LeadLinha, remetente: Remetente, links: LeadLinks): string {
  const link = responderLink(lead, remetente, links);
  const contato = link ?? `telefone inválido, veja no painel: ${links.painel(lead.id, remetente.corretorId)}`;
  return `• ${bold(leadText(lead.nome, 60))} · ${origemLabel(lead.origem)} · score ${lead.score} · ${contato}`;
}

type SecaoLeads = { titulo: string; leads: LeadLinha[]; linha?: (lead: LeadLinha) => string };

function fitLeadSections(
  head: string,
  secoes: SecaoLeads[],
  tail: string,
  remetente: Remetente,
  links: LeadLinks,
): string {
  const linhas = (s: SecaoLeads) =>
    s.linha ? s.leads.map(s.linha) : [...s.leads].sort(byScore).map((l) => leadLinha(l, remetente, links));
  return fitSections(
    head,
    secoes.map((s) => ({ titulo: s.titulo, linhas: linhas(s) })),
    tail,
  ).corpo;
}

const tituloRetidos = (n: number, limite: number) =>
  `⚠️ ${bold(`${plural(n, "alerta retido", "alertas retidos")} pelo limite de ${limite} por dia:`)}`;

// Twilio Content variables may not contain line breaks: names joined with commas, clipped.
function nomesVariavel(leads: LeadLinha[]): string {
  const nomes = [...leads]
    .sort(byScore)
    .map((l) => leadText(l.nome, 40))
    .join(", ");
  return nomes.length <= 500 ? nomes || "-" : `${nomes.slice(0, 499)}…`;
}

export function composeAgrupada(input: AgrupadaInput, links: LeadLinks): ComposedMessage {
  const total = input.leads.length + input.retidos.length;
  const desde = desdeTexto(input.desde, input.agora, input.timezone);
  const head = `📋 ${bold(`${plural(total, "novo lead", "novos leads")} ${desde}`)}`;
  const corpo = fitLeadSections(
    head,
    [
      { titulo: tituloRetidos(input.retidos.length, input.limiteDiario), leads: input.retidos },
      { titulo: input.retidos.length ? bold("Outros leads:") : bold("Leads:"), leads: input.leads },
    ],
    "Toque no link para responder cada lead pelo WhatsApp.",
    input.remetente,
    links,
  );
  return {
    corpo,
    botoes: [],
    templateVariaveis: { "1": String(total), "2": desde, "3": nomesVariavel([...input.retidos, ...input.leads]) },
    ...redacaoDoInicio("agrupada", head, corpo, [String(total)], {
      novosLeads: String(total),
      desde,
      retidosPelaCota: String(input.retidos.length),
      limiteDiario: String(input.limiteDiario),
    }),
  };
}

/** "24/11", or "21/11 a 23/11" when the period spans days off ([desde, ate), so `ate` itself is left out). */
export function periodoDias(periodo: { desde: Date; ate: Date }, timezone: string): { texto: string; umDia: boolean } {
  const primeiro = diaCurto(periodo.desde, timezone);
  const ultimo = diaCurto(new Date(periodo.ate.getTime() - 1), timezone);
  return primeiro === ultimo ? { texto: primeiro, umDia: true } : { texto: `${primeiro} a ${ultimo}`, umDia: false };
}

export function composeResumoDiario(input: ResumoDiarioInput, links: LeadLinks): ComposedMessage {
  const { contagem: c } = input;
  const dias = periodoDias(input.periodo, input.timezone);
  const head = [
    `📊 ${bold(`Resumo ${dias.umDia ? "do dia" : "de"} ${dias.texto}`)}`,
    `Novos leads: ${c.novos} (${c.quentes} quentes, ${c.mornos} mornos, ${c.frios} frios)`,
    `Contatados: ${c.contatados}`,
    `Visitas solicitadas: ${c.visitasSolicitadas}`,
  ].join("\n");
  const esperando = input.pediramVisita.length + input.frios.length + input.semContato.length;
  const followUps = [...(input.followUps ?? [])].sort(byScore);
  const visitas = input.visitasHoje ?? [];
  const nada = esperando === 0 && input.retidos.length === 0 && followUps.length === 0 && visitas.length === 0;
  const proximo = new Map(followUps.map((f) => [f.id, f.proximoPasso]));
  const quando = new Map(visitas.map((v) => [v.id, v.visitaEm]));
  // Ordered by what the broker has not been told yet or matters most: held alerts, visit requests,
  // today's visits and follow-ups (what to do today), cold leads (which reach the broker only here),
  // then the already-alerted leads still waiting.
  const corpo = fitLeadSections(
    head,
    [
      { titulo: tituloRetidos(input.retidos.length, input.limiteDiario), leads: input.retidos },
      {
        titulo: `📅 ${bold(`Pediram visita, sem contato (${input.pediramVisita.length}):`)}`,
        leads: input.pediramVisita,
      },
      {
        titulo: `🏠 ${bold(`Visitas de hoje (${visitas.length}):`)}`,
        leads: visitas,
        linha: (l) =>
          `• ${horaCurta(quando.get(l.id)!, input.timezone)} ${leadLinha(l, input.remetente, links).slice(2)}`,
      },
      {
        titulo: `🔔 ${bold(`Follow-ups de hoje (${followUps.length}):`)}`,
        leads: followUps,
        linha: (l) => {
          const passo = proximo.get(l.id);
          return `${leadLinha(l, input.remetente, links)}${passo ? ` · ${clip(passo, 120)}` : ""}`;
        },
      },
      { titulo: `❄️ ${bold(`Leads frios, só no resumo (${input.frios.length}):`)}`, leads: input.frios },
      { titulo: bold(`Sem contato ainda (${input.semContato.length}):`), leads: input.semContato },
    ],
    nada ? "Nenhum lead esperando contato. Bom trabalho!" : "",
    input.remetente,
    links,
  );
  const fatos = [
    dias.texto,
    ...[c.novos, c.quentes, c.mornos, c.frios, c.contatados, c.visitasSolicitadas].map(String),
  ];
  return {
    corpo,
    botoes: [],
    ...redacaoDoInicio("resumo", head, corpo, [...new Set(fatos)], {
      dia: dias.texto,
      novosLeads: String(c.novos),
      quentes: String(c.quentes),
      mornos: String(c.mornos),
      frios: String(c.frios),
      contatados: String(c.contatados),
      visitasSolicitadas: String(c.visitasSolicitadas),
      esperandoContato: String(esperando),
    }),
    templateVariaveis: {
      "1": dias.texto,
      "2": String(c.novos),
      "3": String(esperando),
      "4": String(input.retidos.length),
    },
  };
}
