// The reply draft a broker can send the lead (issue #21): the first message, in the broker's voice,
// naming the listing and answering what the lead asked. This is the rules engine's plain version,
// always available; a model's version (escrever-rascunho.ts) replaces it when one was written.
import { analyzeByRules } from "@/agents/analista/conversation-analyzer";
import type { Intencao } from "@/lib/domain/analise-conversa";
import { origemLabel } from "@/lib/portals/origem-label";
import { clip, firstName } from "@/lib/whatsapp/text/compose";

export type RascunhoInput = {
  leadNome: string;
  corretorNome: string;
  imobiliariaNome: string;
  origem: string | null;
  imovelTitulo: string | null;
  /** What the lead wrote on the portal, if anything. */
  pedido: string | null;
};

const RESPOSTA: Record<Intencao, string> = {
  visita: "Podemos marcar a visita: qual dia e horário ficam melhores para você?",
  financiamento: "Posso te ajudar com o financiamento: quer que eu mande uma simulação?",
  preco_negociacao: "Sobre valor e condições, te explico tudo e levo sua proposta ao proprietário. Podemos conversar?",
  permuta: "Sobre a permuta: me conta qual imóvel você oferece que eu consulto o proprietário.",
  disponibilidade: "Vou confirmar a disponibilidade e já te retorno. Quer aproveitar e marcar uma visita?",
  duvida: "Posso tirar suas dúvidas por aqui. O que você gostaria de saber?",
  desistencia: "Entendi! Se quiser ver outras opções, fico à disposição.",
  interesse: "Posso te mandar mais fotos e detalhes. Podemos conversar?",
  outro: "Como posso te ajudar?",
};

export function rascunhoPorRegras(input: RascunhoInput): string {
  const intencao = input.pedido?.trim() ? analyzeByRules(input.pedido).intencao : "interesse";
  const quem = `${firstName(input.corretorNome)} (${clip(input.imobiliariaNome, 60)})`;
  const sobre = input.imovelTitulo ? ` sobre ${clip(input.imovelTitulo, 80)}` : "";
  return `Olá, ${firstName(input.leadNome)}! Aqui é ${quem}. Recebi seu contato pelo ${origemLabel(input.origem)}${sobre}. ${RESPOSTA[intencao]}`;
}
