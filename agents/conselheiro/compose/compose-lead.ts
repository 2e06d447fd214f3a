// Messages about one lead: the new-lead alert ("Por que 82?") and the reminder the broker asked for.
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

export function imovelTexto(imovel: ImovelRef | null): string | null {
  if (!imovel?.titulo && !imovel?.codigo) return null;
  const titulo = clip(imovel.titulo ?? "Imóvel", 80);
  const codigo = imovel.codigo ? ` (${clip(imovel.codigo, 30)})` : "";
  const bairro = imovel.bairro ? ` – ${clip(imovel.bairro, 40)}` : "";
  return `${titulo}${codigo}${bairro}`;
}

type Saudacao = "completa" | "curta";

/** The greeting pre-filled in the wa.me link, written as the broker would. */
export function saudacao(lead: LeadLinha, remetente: Remetente, imovel: ImovelRef | null, tipo: Saudacao): string {
  const quem = `${firstName(remetente.corretorNome)} (${clip(remetente.imobiliariaNome, 60)})`;
  const sobre = tipo === "completa" && imovel?.titulo ? ` sobre ${clip(imovel.titulo, 80)}` : "";
  return `Olá, ${firstName(lead.nome)}! Aqui é ${quem}. Recebi seu contato pelo ${origemLabel(lead.origem)}${sobre}. Podemos conversar?`;
}

// Long, accented greetings grow up to 6× when URL-encoded: shorter links until the message fits.
function linkOptions(lead: LeadLinha, remetente: Remetente, imovel: ImovelRef | null): (string | null)[] {
  const completa = waMeLink(lead.telefone, saudacao(lead, remetente, imovel, "completa"));
  if (!completa) return [null];
  return [completa, waMeLink(lead.telefone, saudacao(lead, remetente, imovel, "curta")), completa.split("?")[0]!];
}

function fitWithLink(build: (link: string | null) => string, links: (string | null)[]): string {
  for (const link of links) {
    const corpo = build(link);
    if (corpo.length <= MAX_CORPO) return corpo;
  }
  return clip(build(links[links.length - 1] ?? null), MAX_CORPO);
}

function responderLinha(link: string | null): string {
  return link ? `👉 Responder agora: ${link}` : "⚠️ Telefone do lead inválido: confira o contato no painel.";
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

export function composeNovoLead(input: NovoLeadInput): ComposedMessage {
  const { lead } = input;
  const nome = leadText(lead.nome, 60);
  const imovel = imovelTexto(input.imovel);
  const build = (link: string | null) =>
    [
      TITULOS[input.tipo](nome),
      `Portal: ${origemLabel(lead.origem)}`,
      `Imóvel: ${imovel ?? "não identificado"}`,
      ...(input.mensagem?.trim() ? [`Pediu: "${leadText(input.mensagem, 280)}"`] : []),
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
      responderLinha(link),
    ].join("\n");
  const links = linkOptions(lead, input.remetente, input.imovel);
  return {
    corpo: fitWithLink(build, links),
    botoes: leadButtons(lead.id),
    templateVariaveis: {
      "1": nome,
      "2": origemLabel(lead.origem),
      "3": imovel ?? "não identificado",
      "4": String(lead.score),
      "5": links[0] ?? "-",
    },
  };
}

export function composeLembrete(input: LembreteInput): ComposedMessage {
  const { lead } = input;
  const nome = leadText(lead.nome, 60);
  const imovel = imovelTexto(input.imovel);
  const build = (link: string | null) =>
    [
      `⏰ ${bold(`Lembrete: responder ${nome}`)}`,
      `Portal: ${origemLabel(lead.origem)} · score ${lead.score}`,
      ...(imovel ? [`Imóvel: ${imovel}`] : []),
      `Chegou às ${horaCurta(input.recebidoEm, input.timezone)} de ${diaCurto(input.recebidoEm, input.timezone)}.`,
      "",
      responderLinha(link),
    ].join("\n");
  const links = linkOptions(lead, input.remetente, input.imovel);
  return {
    corpo: fitWithLink(build, links),
    botoes: leadButtons(lead.id),
    templateVariaveis: { "1": nome, "2": origemLabel(lead.origem), "3": String(lead.score), "4": links[0] ?? "-" },
  };
}
