// Messages about one lead: the new-lead alert ("Por que 82?") and the reminder the broker asked for.
// Their links are short `/r/` links (LeadLinks): a wa.me link with its greeting ran to ~300 characters.
import type { Redacao } from "@/lib/domain/redacao";
import type { LeadLinks } from "@/lib/links/lead-links";
import { origemLabel } from "@/lib/portals/origem-label";
import {
  leadButtons,
  type ComposedMessage,
  type FatorScore,
  type ImovelRef,
  type LeadLinha,
  type LembreteInput,
  type NovoLeadInput,
  type Remetente,
} from "./message-types";
import {
  bold,
  clip,
  diaCurto,
  firstName,
  horaCurta,
  leadText,
  MAX_CORPO,
  waMeLink,
} from "../../../lib/whatsapp/text/compose";

const TITULOS: Record<NovoLeadInput["tipo"], (nome: string) => string> = {
  novo_lead: (nome) => `🔥 ${bold(`Novo lead: ${nome}`)}`,
  visita_solicitada: (nome) => `📅 ${bold(`${nome} quer visitar`)}`,
  lead_retorno: (nome) => `🔁 ${bold(`${nome} voltou a perguntar`)}`,
};

const FATORES_MOSTRADOS = 3;
const PEDIDO_MAX = 280;

export function imovelTexto(imovel: ImovelRef | null): string | null {
  if (!imovel?.titulo && !imovel?.codigo) return null;
  const titulo = clip(imovel.titulo ?? "Imóvel", 80);
  const codigo = imovel.codigo ? ` (${clip(imovel.codigo, 30)})` : "";
  const bairro = imovel.bairro ? ` – ${clip(imovel.bairro, 40)}` : "";
  return `${titulo}${codigo}${bairro}`;
}

/** The greeting the WhatsApp link pre-fills, written as the broker would (the /r/ link rebuilds it on a tap). */
export function saudacao(
  lead: Pick<LeadLinha, "nome" | "origem">,
  remetente: Pick<Remetente, "corretorNome" | "imobiliariaNome">,
  imovel: Pick<ImovelRef, "titulo"> | null,
): string {
  const quem = `${firstName(remetente.corretorNome)} (${clip(remetente.imobiliariaNome, 60)})`;
  const sobre = imovel?.titulo ? ` sobre ${clip(imovel.titulo, 80)}` : "";
  return `Olá, ${firstName(lead.nome)}! Aqui é ${quem}. Recebi seu contato pelo ${origemLabel(lead.origem)}${sobre}. Podemos conversar?`;
}

/** The short link that answers the lead on WhatsApp; null when the phone cannot open a chat. */
export function responderLink(lead: LeadLinha, remetente: Remetente, links: LeadLinks): string | null {
  return waMeLink(lead.telefone, "") ? links.whatsapp(lead.id, remetente.corretorId) : null;
}

/** The closing lines of a message about one lead: answer it on WhatsApp, see it on the dashboard. */
export function linkLinhas(lead: LeadLinha, remetente: Remetente, links: LeadLinks): string[] {
  const painel = links.painel(lead.id, remetente.corretorId);
  const responder = responderLink(lead, remetente, links);
  return responder
    ? [`👉 Responder agora: ${responder}`, `📋 Ver no painel: ${painel}`]
    : [`⚠️ Telefone do lead inválido: confira o contato no painel: ${painel}`];
}

/** What the lead wrote is the one part that may be long: it gives way when the body would pass the limit. */
function fitPedido(build: (pedidoMax: number) => string): string {
  const corpo = build(PEDIDO_MAX);
  if (corpo.length <= MAX_CORPO) return corpo;
  return clip(build(Math.max(20, PEDIDO_MAX - (corpo.length - MAX_CORPO))), MAX_CORPO);
}

function topFatores(fatores: FatorScore[]): string[] {
  return [...fatores]
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .slice(0, FATORES_MOSTRADOS)
    .map((f) => `• ${clip(f.explicacao, 140)}`);
}

/** Tells the broker why no more messages about this person come today. */
function repeticaoLinha(consultas: number | null): string {
  const quantas = consultas && consultas > 1 ? `Já são ${consultas} consultas desta pessoa. ` : "";
  return `${quantas}Novas consultas dela hoje ficam só no histórico do lead, sem outra mensagem.`;
}

/** The facts a model must keep and may use; only a first name, never a phone or e-mail (LGPD). */
function redacaoDoLead(
  tipo: string,
  input: { lead: LeadLinha; imovel: ImovelRef | null },
  contexto: Record<string, string>,
  rodape: string[],
): Redacao {
  const primeiroNome = firstName(input.lead.nome);
  const codigo = input.imovel?.codigo ? clip(input.imovel.codigo, 30) : null;
  return {
    tipo,
    fatos: [primeiroNome, `${input.lead.score}`, ...(codigo ? [codigo] : [])],
    contexto: {
      primeiroNome,
      portal: origemLabel(input.lead.origem),
      imovel: imovelTexto(input.imovel) ?? "não identificado",
      score: String(input.lead.score),
      ...contexto,
    },
    rodape: rodape.join("\n"),
  };
}

export function composeNovoLead(input: NovoLeadInput, links: LeadLinks): ComposedMessage {
  const { lead } = input;
  const nome = leadText(lead.nome, 60);
  const imovel = imovelTexto(input.imovel);
  const build = (pedidoMax: number) =>
    [
      TITULOS[input.tipo](nome),
      `Portal: ${origemLabel(lead.origem)}`,
      `Imóvel: ${imovel ?? "não identificado"}`,
      ...(input.mensagem?.trim() ? [`Pediu: "${leadText(input.mensagem, pedidoMax)}"`] : []),
      ...(input.repeticao ? [repeticaoLinha(input.repeticao.consultas)] : []),
      ...(input.recebidoEm
        ? [
            `Chegou às ${horaCurta(input.recebidoEm.em, input.recebidoEm.timezone)} de ${diaCurto(input.recebidoEm.em, input.recebidoEm.timezone)}.`,
          ]
        : []),
      "",
      `${bold(`Score ${lead.score}`)} · Por que ${lead.score}?`,
      ...topFatores(input.fatores),
      "",
      ...linkLinhas(lead, input.remetente, links),
    ].join("\n");
  return {
    corpo: fitPedido(build),
    botoes: leadButtons(lead.id),
    templateVariaveis: {
      "1": nome,
      "2": origemLabel(lead.origem),
      "3": imovel ?? "não identificado",
      "4": String(lead.score),
      "5": responderLink(lead, input.remetente, links) ?? links.painel(lead.id, input.remetente.corretorId),
    },
    redacao: redacaoDoLead(
      input.tipo,
      input,
      {
        porQue: topFatores(input.fatores).join(" "),
        ...(input.mensagem?.trim() ? { pedido: leadText(input.mensagem, PEDIDO_MAX) } : {}),
        ...(input.recebidoEm
          ? {
              chegouEm: `${horaCurta(input.recebidoEm.em, input.recebidoEm.timezone)} de ${diaCurto(input.recebidoEm.em, input.recebidoEm.timezone)}`,
            }
          : {}),
        ...(input.repeticao ? { repeticao: repeticaoLinha(input.repeticao.consultas) } : {}),
      },
      linkLinhas(lead, input.remetente, links),
    ),
  };
}

export function composeLembrete(input: LembreteInput, links: LeadLinks): ComposedMessage {
  const { lead } = input;
  const nome = leadText(lead.nome, 60);
  const imovel = imovelTexto(input.imovel);
  // Every part is clipped, so the reminder stays far below MAX_CORPO.
  const corpo = [
    `⏰ ${bold(`Lembrete: responder ${nome}`)}`,
    `Portal: ${origemLabel(lead.origem)} · score ${lead.score}`,
    ...(imovel ? [`Imóvel: ${imovel}`] : []),
    `Chegou às ${horaCurta(input.recebidoEm, input.timezone)} de ${diaCurto(input.recebidoEm, input.timezone)}.`,
    "",
    ...linkLinhas(lead, input.remetente, links),
  ].join("\n");
  return {
    corpo,
    botoes: leadButtons(lead.id),
    templateVariaveis: {
      "1": nome,
      "2": origemLabel(lead.origem),
      "3": String(lead.score),
      "4": responderLink(lead, input.remetente, links) ?? links.painel(lead.id, input.remetente.corretorId),
    },
    redacao: redacaoDoLead(
      "lembrete",
      input,
      { chegouEm: `${horaCurta(input.recebidoEm, input.timezone)} de ${diaCurto(input.recebidoEm, input.timezone)}` },
      linkLinhas(lead, input.remetente, links),
    ),
  };
}
