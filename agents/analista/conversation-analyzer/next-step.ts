// The next best step a broker reads beside the analysis: one short pt-BR sentence, chosen by the
// intent first and sharpened by the first objection.
import type { Intencao, Objecao, Sentimento } from "@/lib/domain/analise-conversa";

const POR_INTENCAO: Record<Intencao, string> = {
  visita: "Propor dois horários de visita e confirmar o endereço.",
  financiamento: "Enviar uma simulação de financiamento e a lista de documentos.",
  preco_negociacao: "Confirmar valor e condições e levar a proposta ao proprietário.",
  permuta: "Perguntar qual bem oferece na permuta e consultar o proprietário.",
  disponibilidade: "Confirmar que o imóvel está disponível e oferecer uma visita.",
  duvida: "Responder a dúvida com os dados do anúncio e oferecer uma visita.",
  desistencia: "Perguntar o motivo, registrar e marcar o lead como perdido.",
  interesse: "Chamar no WhatsApp e entender o que a pessoa procura.",
  outro: "Fazer um novo contato e perguntar como pode ajudar.",
};

const POR_OBJECAO: Record<Objecao, string> = {
  preco: "Mostrar opções dentro do orçamento ou negociar condições com o proprietário.",
  localizacao: "Oferecer imóveis parecidos em bairros mais próximos do que a pessoa precisa.",
  tamanho: "Oferecer imóveis maiores na mesma faixa de preço.",
  condicoes: "Esclarecer condomínio, estado e reformas e oferecer alternativas.",
  prazo: "Confirmar prazos de entrega e de mudança e ajustar a proposta.",
  credito: "Indicar um correspondente bancário para rever o crédito.",
  documentacao: "Levantar a documentação com o proprietário e responder por escrito.",
};

export function nextStep(intencao: Intencao, objecoes: Objecao[], sentimento: Sentimento): string {
  if (intencao === "desistencia") return POR_INTENCAO.desistencia;
  const objecao = objecoes[0];
  if (objecao) return POR_OBJECAO[objecao];
  if (sentimento === "negativo") return "Ligar hoje, pedir desculpas pelo que houve e retomar o atendimento.";
  return POR_INTENCAO[intencao];
}
