// Every pt-BR sentence the Conselheiro sends back when a broker replies on WhatsApp.
import type { LeadStatus } from "@/lib/db/schema";
import { bold, diaCurto, firstName, horaCurta, leadText } from "../../../lib/whatsapp/text/compose";

const STATUS_LABEL: Record<LeadStatus, string> = {
  novo: "novo",
  em_contato: "em contato",
  visita_agendada: "com visita agendada",
  visita_realizada: "com visita realizada",
  proposta: "em proposta",
  fechado: "fechado",
  perdido: "perdido",
};

const nome = (n: string) => bold(leadText(n, 60));

/** "hoje às 14h", or "25/11 às 8h" on another day. */
export function quandoTexto(at: Date, now: Date, timezone: string): string {
  const dia = diaCurto(at, timezone) === diaCurto(now, timezone) ? "hoje" : diaCurto(at, timezone);
  return `${dia} às ${horaCurta(at, timezone)}`;
}

export const COMANDOS = [
  "*resumo* – o resumo de hoje agora",
  "*pausar* – pausa os alertas até o próximo expediente (ou *pausar 2h*, *pausar até 14h*)",
  "*retomar* – volta a receber alertas",
  "*ajuda* – esta lista",
  "Nos alertas de lead, use os botões *Já contatei*, *Passar adiante* e *Lembrar em 1h*.",
];

export const REPLY_TEXTS = {
  jaContatei: (lead: string, minutos: number | null) =>
    `✅ Anotado: ${nome(lead)} está em contato com você${minutos === null ? "" : ` (primeira resposta em ${duracaoTexto(minutos)})`}. Bom atendimento!`,
  jaEstava: (lead: string, status: LeadStatus | null) =>
    `👍 ${nome(lead)} já estava ${STATUS_LABEL[status ?? "novo"]}; nada mudou.`,
  passado: (lead: string, para: string) => `🔁 ${nome(lead)} foi passado para ${firstName(para)}. Obrigado por avisar!`,
  semOutroCorretor: (lead: string) =>
    `⚠️ Nenhum outro corretor está disponível agora, então ${nome(lead)} continua com você.`,
  lembrete: (lead: string, quando: string) => `⏰ Combinado: lembro você de ${nome(lead)} ${quando}.`,
  leadDeOutro: "Esse lead não está com você, então nada foi alterado. Veja no painel quem o atende.",
  semLead: "Não sei de qual lead você fala. Toque no botão da própria mensagem do lead.",
  pausado: (quando: string) => `⏸️ Alertas pausados até ${quando}. Envie *retomar* para voltar antes.`,
  pausaInvalida: "Não entendi por quanto tempo pausar. Exemplos: *pausar*, *pausar 2h*, *pausar até 14h*.",
  retomado: "▶️ Alertas retomados: os próximos leads chegam aqui na hora.",
  naoEstavaPausado: "▶️ Seus alertas já estavam ativos.",
  ajuda: ["📋 *Comandos do Lastro*", ...COMANDOS.map((c) => `• ${c}`)].join("\n"),
  dica: "Não entendi 🤔. Envie *ajuda* para ver os comandos.",
  visitaRealizada: (lead: string) =>
    `✅ Anotado: a visita com ${nome(lead)} foi realizada. Próximo passo: conversar sobre uma proposta.`,
  visitaPerdida: (lead: string) => `📕 Anotado: ${nome(lead)} foi marcado como perdido. Os avisos sobre ele pararam.`,
  remarcar: (lead: string) =>
    `📅 Para remarcar a visita com ${nome(lead)}, abra o lead no painel e escolha a nova data em “Remarcar visita”. Os lembretes seguem a nova data.`,
} as const;

/** "12 min", "2h05", "3 dias". */
export function duracaoTexto(minutos: number): string {
  if (minutos < 60) return `${minutos} min`;
  if (minutos < 48 * 60) {
    const h = Math.floor(minutos / 60);
    const m = minutos % 60;
    return m === 0 ? `${h}h` : `${h}h${String(m).padStart(2, "0")}`;
  }
  return `${Math.floor(minutos / (24 * 60))} dias`;
}
