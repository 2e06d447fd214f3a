// Messages the Vigilante's sweeps start: a hot lead's follow-up come due, the reminder two hours
// before a visit, and "Como foi a visita?" after it (its buttons move the lead).
import type { LeadLinks } from "@/lib/links/lead-links";
import { formatDataHora } from "@/lib/time/format-data-hora";
import { bold, clip, diaCurto, horaCurta, leadText } from "../../../lib/whatsapp/text/compose";
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
  const corpo = [
    `🔔 ${bold(`Follow-up: ${nome}`)}`,
    `Sem interação há ${plural(input.dias, "dia", "dias")} (desde ${desde}) · ${input.etapa} · score ${input.lead.score}`,
    ...(imovel ? [`Imóvel: ${imovel}`] : []),
    `Próximo passo: ${proximo}`,
    "",
    ...linhas,
  ].join("\n");
  // Passing it on or a reminder in an hour make sense here; "Já contatei" is for a first contact.
  const botoes = leadButtons(input.lead.id).filter((b) => !b.id.startsWith("ja_contatei:"));
  return {
    corpo,
    botoes,
    templateVariaveis: { "1": nome, "2": String(input.dias), "3": proximo, "4": principal },
  };
}

export function composeLembreteVisita(input: VisitaInput, l: LeadLinks): ComposedMessage {
  const nome = leadText(input.lead.nome, 60);
  const imovel = imovelTexto(input.imovel);
  const quando = `${diaCurto(input.visitaEm, input.timezone)} às ${horaCurta(input.visitaEm, input.timezone)}`;
  const { linhas, principal } = links(input.lead, input.remetente, l);
  const corpo = [
    `📅 ${bold(`Visita com ${nome}: ${quando}`)}`,
    ...(imovel ? [`Imóvel: ${imovel}`] : []),
    "Confirme com o lead se está tudo certo.",
    "",
    ...linhas,
  ].join("\n");
  return { corpo, botoes: [], templateVariaveis: { "1": nome, "2": quando, "3": imovel ?? "-", "4": principal } };
}

export function composePosVisita(input: VisitaInput, l: LeadLinks): ComposedMessage {
  const nome = leadText(input.lead.nome, 60);
  const imovel = imovelTexto(input.imovel);
  const corpo = [
    `🏠 ${bold(`Como foi a visita com ${nome}?`)}`,
    `Marcada para ${formatDataHora(input.visitaEm, input.timezone)}.`,
    ...(imovel ? [`Imóvel: ${imovel}`] : []),
    "",
    "Toque em uma opção: o lead muda de etapa no painel.",
    `📋 Ver no painel: ${l.painel(input.lead.id, input.remetente.corretorId)}`,
  ].join("\n");
  return {
    corpo,
    botoes: posVisitaButtons(input.lead.id),
    templateVariaveis: { "1": nome, "2": formatDataHora(input.visitaEm, input.timezone) },
  };
}
