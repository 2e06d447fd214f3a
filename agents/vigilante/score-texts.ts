// Every pt-BR sentence of the score explanation ("Por que 82?", LGPD art. 20) in one place.
import type { LeadType, Temperatura } from "@/lib/portals/normalized-lead";

const brl = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL", maximumFractionDigits: 0 });

export function formatPoints(points: number): string {
  return points < 0 ? `−${Math.abs(points)}` : `+${points}`;
}

export function withPoints(sentence: string, points: number): string {
  return `${sentence}: ${formatPoints(points)}`;
}

const TEMPERATURA: Record<Temperatura, string> = {
  Alta: "Portal marcou o lead como quente (Alta)",
  Média: "Portal marcou o lead como morno (Média)",
  Baixa: "Portal marcou o lead como frio (Baixa)",
};

const TIPO_LEAD: Record<LeadType, string> = {
  VISIT_REQUEST: "Pediu uma visita pelo portal",
  CLICK_SCHEDULE: "Clicou em agendar visita",
  CLICK_WHATSAPP: "Clicou no WhatsApp do anúncio",
  CONTACT_CHAT: "Conversou pelo chat do portal",
  CONTACT_FORM: "Enviou o formulário de contato",
  PHONE_VIEW: "Clicou para ver o telefone",
};

export const scoreTexts = {
  temperatura: (t: Temperatura | null) => (t ? TEMPERATURA[t] : "Portal não informou a temperatura do lead"),
  tipoLead: (t: LeadType | null) => (t ? TIPO_LEAD[t] : "O portal não informou como a pessoa fez contato"),
  intencao: (found: { label: string; term: string }[], capped: number | null) =>
    `Mensagem mostra intenção: ${found.map((f) => `${f.label} ("${f.term}")`).join(", ")}` +
    (capped === null ? "" : ` (limitado a ${capped})`),
  celular: "Celular válido, dá para chamar no WhatsApp",
  email: "Deixou e-mail",
  telefoneInvalido: "O telefone informado não é um número válido",
  retorno: (n: number, windowDays: number, capped: number | null) =>
    `Já fez ${n} ${n === 1 ? "consulta" : "consultas"} nos últimos ${windowDays} dias` +
    (capped === null ? "" : ` (limitado a ${capped})`),
  ticket: (price: number, finalidade: "venda" | "aluguel") =>
    finalidade === "venda"
      ? `Imóvel de valor alto (${brl.format(price)} para venda)`
      : `Aluguel de valor alto (${brl.format(price)} por mês)`,
  orcamento: (value: number) => `Informou um valor na mensagem (${brl.format(value)})`,
  limiteMaximo: "A pontuação vai no máximo até 100",
  limiteMinimo: "A pontuação não fica abaixo de 0",
};
