// Messages the Vigilante's sweeps start: a hot lead's follow-up come due, the reminder two hours
// before a visit, and "Como foi a visita?" after it (its buttons move the lead).
import type { LeadLinks } from "@/lib/links/lead-links";
import { formatDataHora } from "@/lib/time/format-data-hora";
import { bold, clip, diaCurto, firstName, horaCurta, leadText } from "../../../lib/whatsapp/text/compose";
import { plural } from "../../../lib/text/plural";
import { imovelTexto, responderLink } from "./compose-lead";
import {
  leadButtons,
  posVisitaButtons,
  type ComposedMessage,
  type FollowUpInput,
  type LeadLinha,
  type Remetente,
  type VisitaInput,
} from "./message-types";
import { redacaoDoInicio } from "./redacao";

function links(lead: LeadLinha, remetente: Remetente, l: LeadLinks): { linhas: string[]; principal: string } {
  const painel = l.painel(lead.id, remetente.corretorId);
  const responder = responderLink(lead, remetente, l);
  return {
    linhas: responder
      ? [`👉 Falar com o lead: ${responder}`, `📋 Ver no painel: ${painel}`]
      : [`📋 Ver no painel: ${painel}`],
    principal: responder ?? painel,
  };
}

export function composeFollowUp(input: FollowUpInput, l: LeadLinks): ComposedMessage {
  const nome = leadText(input.lead.nome, 60);
  const imovel = imovelTexto(input.imovel);
  const desde = diaCurto(input.ultimaInteracao, input.timezone);
  const proximo = clip(input.proximoPasso, 200);
  const { linhas, principal } = links(input.lead, input.remetente, l);
  const head = [
    `🔔 ${bold(`Follow-up: ${nome}`)}`,
    `Sem interação há ${plural(input.dias, "dia", "dias")} (desde ${desde}) · ${input.etapa} · score ${input.lead.score}`,
    ...(imovel ? [`Imóvel: ${imovel}`] : []),
  ].join("\n");
  // The suggested step and the links stay ours, after the model's opening.
  const corpo = [head, `Próximo passo: ${proximo}`, "", ...linhas].join("\n");
  const primeiroNome = firstName(input.lead.nome);
  const codigo = input.imovel?.codigo ? clip(input.imovel.codigo, 30) : null;
  // Passing it on or a reminder in an hour make sense here; "Já contatei" is for a first contact.
  const botoes = leadButtons(input.lead.id).filter((b) => !b.id.startsWith("ja_contatei:"));
  return {
    corpo,
    botoes,
    templateVariaveis: { "1": nome, "2": String(input.dias), "3": proximo, "4": principal },
    ...redacaoDoInicio("follow_up", head, corpo, [primeiroNome, String(input.dias), String(input.lead.score), codigo], {
      primeiroNome,
      diasSemInteracao: String(input.dias),
      desde,
      etapa: input.etapa,
      score: String(input.lead.score),
      imovel: imovel ?? "não identificado",
    }),
  };
}

export function composeLembreteVisita(input: VisitaInput, l: LeadLinks): ComposedMessage {
  const nome = leadText(input.lead.nome, 60);
  const imovel = imovelTexto(input.imovel);
  const quando = `${diaCurto(input.visitaEm, input.timezone)} às ${horaCurta(input.visitaEm, input.timezone)}`;
  const { linhas, principal } = links(input.lead, input.remetente, l);
  const head = [
    `📅 ${bold(`Visita com ${nome}: ${quando}`)}`,
    ...(imovel ? [`Imóvel: ${imovel}`] : []),
    "Confirme com o lead se está tudo certo.",
  ].join("\n");
  const corpo = [head, "", ...linhas].join("\n");
  return {
    corpo,
    botoes: [],
    templateVariaveis: { "1": nome, "2": quando, "3": imovel ?? "-", "4": principal },
    ...redacaoDoInicio("lembrete_visita", head, corpo, visitaFatos(input), {
      ...visitaContexto(input, imovel),
      acao: "confirmar com o lead se está tudo certo",
    }),
  };
}

export function composePosVisita(input: VisitaInput, l: LeadLinks): ComposedMessage {
  const nome = leadText(input.lead.nome, 60);
  const imovel = imovelTexto(input.imovel);
  const head = [
    `🏠 ${bold(`Como foi a visita com ${nome}?`)}`,
    `Marcada para ${formatDataHora(input.visitaEm, input.timezone)}.`,
    ...(imovel ? [`Imóvel: ${imovel}`] : []),
  ].join("\n");
  // The question may be the model's words; the buttons and the line about them are always ours.
  const corpo = [
    head,
    "",
    "Toque em uma opção: o lead muda de etapa no painel.",
    `📋 Ver no painel: ${l.painel(input.lead.id, input.remetente.corretorId)}`,
  ].join("\n");
  return {
    corpo,
    botoes: posVisitaButtons(input.lead.id),
    templateVariaveis: { "1": nome, "2": formatDataHora(input.visitaEm, input.timezone) },
    ...redacaoDoInicio("pos_visita", head, corpo, visitaFatos(input), visitaContexto(input, imovel)),
  };
}

/** A visit's facts a model must keep: the lead's first name, the day and time, the listing's code. */
function visitaFatos(input: VisitaInput): string[] {
  const codigo = input.imovel?.codigo ? clip(input.imovel.codigo, 30) : null;
  return [
    firstName(input.lead.nome),
    diaCurto(input.visitaEm, input.timezone),
    horaCurta(input.visitaEm, input.timezone),
    ...(codigo ? [codigo] : []),
  ];
}

function visitaContexto(input: VisitaInput, imovel: string | null): Record<string, string> {
  return {
    primeiroNome: firstName(input.lead.nome),
    dia: diaCurto(input.visitaEm, input.timezone),
    hora: horaCurta(input.visitaEm, input.timezone),
    imovel: imovel ?? "não identificado",
  };
}
