// Messages that list leads: the grouped digest ("3 novos leads desde 14h") and the daily summary.
// Lists are cut to fit one WhatsApp message ("e mais N…"); the dashboard always has the whole list.
import { origemLabel } from "@/lib/portals/origem-label";
import { saudacao } from "./compose-lead";
import type { AgrupadaInput, ComposedMessage, LeadLinha, Remetente, ResumoDiarioInput } from "./message-types";
import { bold, desdeTexto, diaCurto, fitSections, leadText, plural, waMeLink } from "./whatsapp-text";

const byScore = (a: LeadLinha, b: LeadLinha) => b.score - a.score;

/** "• *Maria Souza* · ZAP Imóveis · score 55 · https://wa.me/…" — one line per lead. */
export function leadLinha(lead: LeadLinha, remetente: Remetente | null): string {
  const link = waMeLink(lead.telefone, remetente ? saudacao(lead, remetente, null, "curta") : "");
  const contato = link ?? "telefone inválido (veja no painel)";
  return `• ${bold(leadText(lead.nome, 60))} · ${origemLabel(lead.origem)} · score ${lead.score} · ${contato}`;
}

const linhas = (leads: LeadLinha[], remetente: Remetente | null) => [...leads].sort(byScore).map((l) => leadLinha(l, remetente));

type SecaoLeads = { titulo: string; leads: LeadLinha[] };

// Links with a greeting when every lead fits; bare links (≈ 30 characters) when that shows more leads.
function fitLeadSections(head: string, secoes: SecaoLeads[], tail: string, remetente: Remetente): string {
  const build = (r: Remetente | null) =>
    fitSections(head, secoes.map((s) => ({ titulo: s.titulo, linhas: linhas(s.leads, r) })), tail);
  const comSaudacao = build(remetente);
  return (comSaudacao.omitidas > 0 ? build(null) : comSaudacao).corpo;
}

const tituloRetidos = (n: number, limite: number) =>
  `⚠️ ${bold(`${plural(n, "alerta retido", "alertas retidos")} pelo limite de ${limite} por dia:`)}`;

// Twilio Content variables may not contain line breaks: names joined with commas, clipped.
function nomesVariavel(leads: LeadLinha[]): string {
  const nomes = [...leads].sort(byScore).map((l) => leadText(l.nome, 40)).join(", ");
  return nomes.length <= 500 ? nomes || "-" : `${nomes.slice(0, 499)}…`;
}

export function composeAgrupada(input: AgrupadaInput): ComposedMessage {
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
  );
  return {
    corpo,
    botoes: [],
    templateVariaveis: { "1": String(total), "2": desde, "3": nomesVariavel([...input.retidos, ...input.leads]) },
  };
}

export function composeResumoDiario(input: ResumoDiarioInput): ComposedMessage {
  const { contagem: c } = input;
  const dia = diaCurto(input.dia, input.timezone);
  const head = [
    `📊 ${bold(`Resumo do dia ${dia}`)}`,
    `Novos leads: ${c.novos} (${c.quentes} quentes, ${c.mornos} mornos, ${c.frios} frios)`,
    `Contatados: ${c.contatados}`,
  ].join("\n");
  const nada = input.semContato.length === 0 && input.retidos.length === 0;
  const corpo = fitLeadSections(
    head,
    [
      { titulo: bold(`Sem contato ainda (${input.semContato.length}):`), leads: input.semContato },
      { titulo: tituloRetidos(input.retidos.length, input.limiteDiario), leads: input.retidos },
    ],
    nada ? "Nenhum lead esperando contato. Bom trabalho!" : "",
    input.remetente,
  );
  return {
    corpo,
    botoes: [],
    templateVariaveis: {
      "1": dia, "2": String(c.novos), "3": String(input.semContato.length), "4": String(input.retidos.length),
    },
  };
}
