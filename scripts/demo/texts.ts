// Every pt-BR sentence the demo data writes (event titles, recommended actions, WhatsApp bodies),
// in one place so the generators hold only logic.
import type { Urgencia } from "@/lib/db/schema";
import type { ListingRef } from "./generate-base";

const brl = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL", maximumFractionDigits: 0 });

export function formatPrice(listing: Pick<ListingRef, "preco" | "finalidade">): string {
  return brl.format(listing.preco) + (listing.finalidade === "aluguel" ? "/mês" : "");
}

export function formatMoney(value: number): string {
  return brl.format(value);
}

/** "+5511987654321" → "+55 11 98765-4321". */
export function formatPhone(e164: string): string {
  const m = /^\+55(\d{2})(\d{4,5})(\d{4})$/.exec(e164);
  return m ? `+55 ${m[1]} ${m[2]}-${m[3]}` : e164;
}

// Building an Intl formatter is slow next to using one, and the seeder formats 100k+ dates.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "dd/mm, HH:MM" in the agency's timezone; `withTime: false` gives "dd/mm". */
export function formatDateTime(at: Date, timezone: string, withTime = true): string {
  const key = `${timezone}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    const time = withTime ? ({ hour: "2-digit", minute: "2-digit" } as const) : {};
    format = new Intl.DateTimeFormat("pt-BR", { timeZone: timezone, day: "2-digit", month: "2-digit", ...time });
    dateFormats.set(key, format);
  }
  return format.format(at);
}

const oTipo = (l: ListingRef) => `${l.tipo.artigo} ${l.tipo.nome.toLowerCase()}`;
const esteTipo = (l: ListingRef) => `${l.tipo.artigo === "o" ? "este" : "esta"} ${l.tipo.nome.toLowerCase()}`;

/** Fills {o_tipo}, {este_tipo}, {bairro}, {codigo} and {quartos} from the listing. */
export function fillTemplate(template: string, l: ListingRef): string {
  return template
    .replaceAll("{o_tipo}", oTipo(l))
    .replaceAll("{este_tipo}", esteTipo(l))
    .replaceAll("{bairro}", l.bairro)
    .replaceAll("{codigo}", l.codigo)
    .replaceAll("{quartos}", String(Math.max(1, l.quartos)));
}

export function describeListing(l: ListingRef): string {
  return `${l.tipo.nome} para ${l.finalidade} em ${l.bairro} (${l.codigo}, ${formatPrice(l)})`;
}

export const URGENCIA_ROTULO: Record<Urgencia, string> = {
  critica: "muito quente",
  alta: "quente",
  media: "morno",
  baixa: "frio",
};

export const ACAO_NOVO_LEAD: Record<Urgencia, string> = {
  critica: "Ligue agora: lead muito quente. Responda em até 5 minutos e ofereça dois horários de visita.",
  alta: "Ligue em até 15 minutos e proponha uma visita ainda esta semana.",
  media: "Responda pelo WhatsApp ainda hoje com fotos, planta e valores de condomínio e IPTU.",
  baixa: "Envie uma mensagem de apresentação e sugira imóveis parecidos; acompanhe no resumo diário.",
};

export type LeadTextInput = {
  nome: string;
  telefone: string;
  score: number;
  origemNome: string;
  mensagem: string;
  listing: ListingRef;
};

export function novoLeadEvento(l: LeadTextInput, urgencia: Urgencia) {
  const quote = l.mensagem ? ` Mensagem: "${l.mensagem}"` : " Sem mensagem escrita.";
  return {
    titulo: `Novo lead ${URGENCIA_ROTULO[urgencia]}: ${l.nome} (score ${l.score})`,
    descricao: `${l.nome} chegou pelo ${l.origemNome} com interesse em ${describeListing(l.listing)}.${quote}`,
    acaoRecomendada: ACAO_NOVO_LEAD[urgencia],
  };
}

export function retornoEvento(l: LeadTextInput, mensagem: string) {
  return {
    titulo: `${l.nome} voltou a procurar a imobiliária`,
    descricao: `Nova consulta pelo ${l.origemNome} sobre ${l.listing.codigo}: "${mensagem}"`,
    acaoRecomendada: "Retome a conversa hoje: quem volta a perguntar está mais perto de decidir.",
  };
}

export function visitaEvento(l: LeadTextInput) {
  return {
    titulo: `${l.nome} pediu visita ao ${l.listing.codigo}`,
    descricao: `Pedido de visita pelo ${l.origemNome} para ${describeListing(l.listing)}.`,
    acaoRecomendada: "Confirme data e horário com o cliente e com o proprietário ainda hoje.",
  };
}

export function slaEvento(l: LeadTextInput, slaMinutos: number) {
  return {
    titulo: `SLA estourado: ${l.nome} sem contato há mais de ${slaMinutos} min`,
    descricao: `O lead (score ${l.score}) chegou pelo ${l.origemNome} e ainda não teve o primeiro contato.`,
    acaoRecomendada: "Ligue agora; se não puder atender, passe o lead para outro corretor.",
  };
}

export function followUpEvento(l: LeadTextInput, dias: number) {
  return {
    titulo: `Follow-up vencido: ${l.nome}`,
    descricao: `Sem nova interação há ${dias} ${dias === 1 ? "dia" : "dias"} com o lead do ${l.listing.codigo}.`,
    acaoRecomendada: "Mande uma mensagem curta com uma novidade (outro imóvel, baixa de preço) e proponha visita.",
  };
}

export function alertaCorpo(l: LeadTextInput, urgencia: Urgencia, pedidoVisita: boolean): string {
  const lines = [
    `*Novo lead ${URGENCIA_ROTULO[urgencia]}* (score ${l.score}) pelo ${l.origemNome}`,
    `${l.nome} · ${formatPhone(l.telefone)}`,
    describeListing(l.listing),
  ];
  if (pedidoVisita) lines.push("Pediu visita.");
  if (l.mensagem) lines.push(`"${l.mensagem}"`);
  lines.push(ACAO_NOVO_LEAD[urgencia]);
  return lines.join("\n");
}

export function lembreteCorpo(titulo: string, acao: string): string {
  return `*Lembrete:* ${titulo}\n${acao}`;
}

type ItemAgrupada = { nome: string; score: number; listing: ListingRef };

/** A digest: the warm leads of the broker's window and, first, the alerts the daily quota held back. */
export function agrupadaCorpo(itens: ItemAgrupada[], janelaMinutos: number, retidos: ItemAgrupada[] = []) {
  const line = (it: ItemAgrupada, i: number) =>
    `${i + 1}. ${it.nome}: ${it.listing.tipo.nome} em ${it.listing.bairro} (score ${it.score})`;
  const parts: string[] = [];
  if (retidos.length > 0) {
    parts.push(
      `*${retidos.length} ${retidos.length === 1 ? "alerta retido" : "alertas retidos"} pelo limite diário de mensagens:*`,
      ...retidos.map(line),
    );
  }
  if (itens.length > 0) {
    parts.push(
      `*${itens.length} ${itens.length === 1 ? "novo lead" : "novos leads"}* nos últimos ${janelaMinutos} min:`,
      ...itens.map(line),
    );
  }
  return [...parts, "Abra o painel para ver os detalhes."].join("\n");
}

export function resumoCorpo(primeiroNome: string, dia: string, novos: number, quentes: number, visitas: number) {
  const leads = `${novos} ${novos === 1 ? "lead novo" : "leads novos"}`;
  const hot = quentes > 0 ? ` (${quentes} ${quentes === 1 ? "quente" : "quentes"})` : "";
  const visits = visitas > 0 ? `, ${visitas} ${visitas === 1 ? "pedido" : "pedidos"} de visita` : "";
  return `Bom dia, ${primeiroNome}! *Resumo de ${dia}:* ${leads}${hot}${visits}. Bom trabalho hoje!`;
}

export const ERRO_63016 = "Fora da janela de 24 horas do WhatsApp: é preciso usar um template aprovado.";
