// How the dashboard names roles, message statuses and kinds, lead statuses and weekdays in pt-BR,
// with the tone each badge takes.
import type { EventoTipo, LeadStatus, MensagemStatus, MensagemTipo, Papel, Urgencia } from "@/lib/db/schema";
import { formatDataHora } from "@/lib/time/format-data-hora";

export type Tom = "neutro" | "info" | "sucesso" | "alerta" | "erro";

export const PAPEL_ROTULO: Record<Papel, string> = {
  admin: "Administrador",
  gestor: "Gestor",
  corretor: "Corretor",
};

const STATUS_MENSAGEM: Record<MensagemStatus, { rotulo: string; tom: Tom }> = {
  outbox: { rotulo: "Na caixa de saída", tom: "info" },
  pendente: { rotulo: "Na fila de envio", tom: "neutro" },
  enviando: { rotulo: "Enviando", tom: "neutro" },
  enviada: { rotulo: "Enviada", tom: "sucesso" },
  entregue: { rotulo: "Entregue", tom: "sucesso" },
  lida: { rotulo: "Lida", tom: "sucesso" },
  agendada: { rotulo: "Agendada", tom: "neutro" },
  retida_cota: { rotulo: "Retida pela cota diária", tom: "alerta" },
  falhou: { rotulo: "Falhou", tom: "erro" },
  incerta: { rotulo: "Incerta", tom: "alerta" },
  cancelada: { rotulo: "Cancelada", tom: "neutro" },
};

/** The status filter's options: the same words as the badges. */
export const STATUS_MENSAGEM_OPCOES = Object.entries(STATUS_MENSAGEM).map(([valor, { rotulo }]) => ({
  valor: valor as MensagemStatus,
  rotulo,
}));

/** "Agendada para 24/11/2026 08:00" when the time is known; the plain label otherwise. */
export function statusMensagem(
  mensagem: { status: MensagemStatus; scheduledFor: Date | null },
  timezone: string,
): { rotulo: string; tom: Tom } {
  const base = STATUS_MENSAGEM[mensagem.status] ?? { rotulo: mensagem.status, tom: "neutro" as const };
  if (mensagem.status === "agendada" && mensagem.scheduledFor) {
    return { ...base, rotulo: `Agendada para ${formatDataHora(mensagem.scheduledFor, timezone)}` };
  }
  return base;
}

export const TIPO_MENSAGEM_ROTULO: Record<MensagemTipo, string> = {
  alerta: "Alerta de lead",
  agrupada: "Leads agrupados",
  lembrete: "Lembrete",
  resumo: "Resumo diário",
  resumo_semanal: "Resumo semanal",
  resposta: "Resposta",
  alerta_gestao: "Alerta à gestão",
  aviso: "Aviso ao corretor",
  follow_up: "Follow-up",
  lembrete_visita: "Lembrete de visita",
  pos_visita: "Como foi a visita?",
  alerta_portal: "Alerta de portal",
  resumo_gestor: "Resumo da gestão",
  alerta_operacao: "Alerta de operação",
};

export const STATUS_LEAD: Record<LeadStatus, { rotulo: string; tom: Tom }> = {
  novo: { rotulo: "Novo", tom: "info" },
  em_contato: { rotulo: "Em contato", tom: "neutro" },
  visita_agendada: { rotulo: "Visita agendada", tom: "sucesso" },
  visita_realizada: { rotulo: "Visita realizada", tom: "sucesso" },
  proposta: { rotulo: "Proposta", tom: "sucesso" },
  fechado: { rotulo: "Fechado", tom: "sucesso" },
  perdido: { rotulo: "Perdido", tom: "erro" },
};

/** What the Vigilante detected, as the lead timeline and /eventos title it. */
export const TIPO_EVENTO_ROTULO: Record<EventoTipo, string> = {
  novo_lead: "Novo lead detectado",
  lead_retorno: "Lead voltou a perguntar",
  visita_solicitada: "Pedido de visita",
  sla_violado: "Prazo de resposta estourado",
  follow_up_vencido: "Follow-up vencido",
  lembrete_visita: "Lembrete de visita enviado",
  pos_visita: "Pergunta sobre a visita",
  portal_silencioso: "Portal sem enviar leads",
  resumo_diario: "Resumo diário",
  resumo_semanal: "Resumo semanal",
};

export const URGENCIA_ROTULO: Record<Urgencia, { rotulo: string; tom: Tom }> = {
  baixa: { rotulo: "Urgência baixa", tom: "neutro" },
  media: { rotulo: "Urgência média", tom: "info" },
  alta: { rotulo: "Urgência alta", tom: "alerta" },
  critica: { rotulo: "Urgência crítica", tom: "erro" },
};

const DIAS_CURTOS = ["Dom", "Seg", "Ter", "Qua", "Qui", "Sex", "Sáb"] as const;

/** [1,2,3,4,5] → "Seg a Sex"; [0,2,4] → "Dom, Ter, Qui"; every day → "Todos os dias". */
export function diasTexto(dias: readonly number[]): string {
  const sorted = [...new Set(dias)].filter((d) => d >= 0 && d <= 6).sort((a, b) => a - b);
  if (sorted.length === 7) return "Todos os dias";
  if (sorted.length === 0) return "—";
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const contiguous = sorted.length >= 3 && last - first === sorted.length - 1;
  return contiguous ? `${DIAS_CURTOS[first]} a ${DIAS_CURTOS[last]}` : sorted.map((d) => DIAS_CURTOS[d]).join(", ");
}

// Why the template's words went out (mensagens.escrita_motivo), as a reader of the dashboard says it.
const MOTIVO_ESCRITA: Record<string, string> = {
  sem_modelo: "IA não configurada",
  tipo_fixo: "mensagem de formato fixo",
  sem_vaga: "limite de chamadas por minuto da IA",
  limite_mensal: "limite mensal da IA atingido",
  tempo_esgotado: "a IA não respondeu a tempo",
  ia_lenta: "a IA tem demorado mais que o prazo do alerta",
  erro: "erro ao chamar a IA",
  saida_invalida: "resposta da IA fora do formato",
  recusa: "a IA recusou o pedido",
  "texto vazio": "a IA respondeu em branco",
  "link no texto do modelo": "a IA incluiu um link",
  "contato no texto do modelo": "a IA incluiu um contato",
  "longo demais para o WhatsApp": "o texto da IA passou do limite do WhatsApp",
};

/**
 * Which engine wrote a message's text: "Escrita pela IA (<modelo>)" or "Modelo de texto (<motivo>)"
 * when the model was tried and its text not used; null while nothing is decided (a row not sent yet,
 * e.g. held by the quota or cancelled) and for rows no model was asked about.
 */
export function escritaMensagem(m: { escritaPor: string | null; escritaMotivo: string | null }): string | null {
  if (!m.escritaPor) return null;
  // Rows the model was never asked about (no key, or a fixed-format kind) say nothing: without a key the
  // dashboard stays as it was, and with one an unlabelled message is one that is always the template.
  if (m.escritaMotivo === "sem_modelo" || m.escritaMotivo === "tipo_fixo") return null;
  if (m.escritaPor.startsWith("modelo:")) return `Escrita pela IA (${m.escritaPor.slice("modelo:".length)})`;
  const motivo = m.escritaMotivo?.startsWith("fato ausente")
    ? "a IA mudou ou omitiu um dado"
    : m.escritaMotivo
      ? (MOTIVO_ESCRITA[m.escritaMotivo] ?? m.escritaMotivo)
      : "sem motivo registrado";
  return `Modelo de texto (${motivo})`;
}
