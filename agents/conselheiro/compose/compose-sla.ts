// The first-response SLA chain's messages (agents/vigilante/sla/): the broker's reminder when the
// deadline passes, the managers' alert a window later, and the notice to a broker whose lead the
// roleta took. Every part is clipped, so each stays far below MAX_CORPO. A model may say the opening
// lines in its own words (facts kept), never the links after them.
import { duracaoTexto } from "@/lib/painel/first-response";
import type { LeadLinks } from "@/lib/links/lead-links";
import { origemLabel } from "@/lib/portals/origem-label";
import { bold, clip, diaCurto, firstName, horaCurta, leadText } from "@/lib/whatsapp/text/compose";
import { linkLinhas, responderLink } from "./compose-lead";
import {
  leadButtons,
  type ComposedMessage,
  type LeadLinha,
  type MensagemGestao,
  type Remetente,
} from "./message-types";
import { redacaoDoInicio } from "./redacao";

export type SlaLembreteInput = {
  lead: LeadLinha;
  recebidoEm: Date;
  slaMinutos: number;
  timezone: string;
  remetente: Remetente;
};

const quando = (at: Date, timezone: string) => `${horaCurta(at, timezone)} de ${diaCurto(at, timezone)}`;

/** To the broker when the deadline passes: the lead, since when it waits, and the way to answer it. */
export function composeSlaLembrete(input: SlaLembreteInput, links: LeadLinks): ComposedMessage {
  const { lead, remetente } = input;
  const nome = leadText(lead.nome, 60);
  const painel = links.painel(lead.id, remetente.corretorId);
  const responder = responderLink(lead, remetente, links);
  const head = [
    `⏰ ${bold(`Prazo de resposta vencido: ${nome}`)}`,
    `Chegou às ${quando(input.recebidoEm, input.timezone)} pelo ${origemLabel(lead.origem)} (score ${lead.score}) e ainda espera seu primeiro contato. O prazo é de ${input.slaMinutos} min no seu expediente.`,
  ].join("\n");
  const primeiroNome = firstName(lead.nome);
  const corpo = [head, "", ...linkLinhas(lead, remetente, links)].join("\n");
  return {
    corpo,
    botoes: leadButtons(lead.id),
    templateVariaveis: {
      "1": nome,
      "2": origemLabel(lead.origem),
      "3": String(lead.score),
      "4": responder ?? painel,
    },
    ...redacaoDoInicio(
      "sla_lembrete",
      head,
      corpo,
      [primeiroNome, horaCurta(input.recebidoEm, input.timezone), String(lead.score), String(input.slaMinutos)],
      {
        primeiroNome,
        portal: origemLabel(lead.origem),
        score: String(lead.score),
        chegouEm: quando(input.recebidoEm, input.timezone),
        prazoMinutos: String(input.slaMinutos),
      },
    ),
  };
}

export type SlaGestaoInput = {
  gestorNome: string;
  lead: LeadLinha;
  corretorId: string;
  corretorNome: string;
  recebidoEm: Date;
  /** Minutes since the lead reached this broker. */
  esperaMinutos: number;
  slaMinutos: number;
  /** The chain will re-route the lead after one more window (the agency's setting). */
  redistribuiEm: Date | null;
  timezone: string;
};

/** To each manager a window after the broker's reminder: who has the lead, how long it waits, where to see it. */
export function composeSlaGestao(input: SlaGestaoInput, links: LeadLinks): MensagemGestao {
  const { lead } = input;
  const proximo = input.redistribuiEm
    ? `Sem resposta até ${quando(input.redistribuiEm, input.timezone)}, a roleta passa o lead para outro corretor.`
    : "Vale falar com o corretor ou reatribuir o lead pelo painel.";
  const espera = duracaoTexto(input.esperaMinutos);
  const head = [
    `⚠️ ${bold(`Lead sem resposta: ${leadText(lead.nome, 60)}`)}`,
    `Olá, ${firstName(input.gestorNome)}. ${clip(input.corretorNome, 60)} recebeu o lead às ${quando(input.recebidoEm, input.timezone)} (${origemLabel(lead.origem)}, score ${lead.score}) e ainda não respondeu: espera há ${espera}, prazo de ${input.slaMinutos} min no expediente do corretor.`,
    proximo,
  ].join("\n");
  const corpo = [head, "", `📋 Ver no painel: ${links.painel(lead.id, input.corretorId)}`].join("\n");
  const gestor = firstName(input.gestorNome);
  const corretor = firstName(input.corretorNome);
  const leadNome = firstName(lead.nome);
  const redistribui = input.redistribuiEm ? horaCurta(input.redistribuiEm, input.timezone) : null;
  return {
    corpo,
    ...redacaoDoInicio(
      "alerta_gestao",
      head,
      corpo,
      [
        gestor,
        corretor,
        leadNome,
        horaCurta(input.recebidoEm, input.timezone),
        String(lead.score),
        espera,
        String(input.slaMinutos),
        redistribui,
      ],
      {
        gestorPrimeiroNome: gestor,
        corretorPrimeiroNome: corretor,
        leadPrimeiroNome: leadNome,
        portal: origemLabel(lead.origem),
        score: String(lead.score),
        chegouEm: quando(input.recebidoEm, input.timezone),
        esperaHa: espera,
        prazoMinutos: String(input.slaMinutos),
        proximo: redistribui
          ? `sem resposta até ${quando(input.redistribuiEm!, input.timezone)}, a roleta passa o lead para outro corretor`
          : "vale falar com o corretor ou reatribuir o lead pelo painel",
      },
    ),
  };
}

/** To the broker whose lead the roleta took: no answer needed, nothing more about it will come. */
export function composeSlaRedistribuido(input: {
  lead: LeadLinha;
  paraNome: string;
  slaMinutos: number;
}): ComposedMessage {
  const nome = leadText(input.lead.nome, 60);
  const corpo = [
    `↪️ ${bold(`Lead redistribuído: ${nome}`)}`,
    `Ficou sem primeiro contato depois de três prazos de ${input.slaMinutos} min, e a roleta o passou para ${clip(input.paraNome, 60)}. Você não receberá mais avisos sobre ele.`,
  ].join("\n");
  const leadNome = firstName(input.lead.nome);
  const para = firstName(input.paraNome);
  return {
    corpo,
    botoes: [],
    templateVariaveis: {},
    ...redacaoDoInicio("aviso_redistribuido", corpo, corpo, [leadNome, para, String(input.slaMinutos)], {
      leadPrimeiroNome: leadNome,
      prazoMinutos: String(input.slaMinutos),
      prazosVencidos: "3",
      novoCorretorPrimeiroNome: para,
      aviso: "o corretor não receberá mais avisos sobre este lead",
    }),
  };
}
