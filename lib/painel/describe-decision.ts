// The Orquestrador's decision on an event (`eventos.metadata.decisao`) as one pt-BR sentence, so a
// manager or the lead can read why a message went at once, waited or never went. Pure: the page
// passes the score and limits it knows. It also reads the demo seed's older shape (`tipo`, text `motivo`).
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

export type DecisaoContexto = {
  /** The score the decision saw (the event's `metadata.score`, else the lead's). */
  score: number | null;
  limiares: { quente: number; morno: number };
  /** The broker's daily message limit, for "retida pela cota diária (5/5)". */
  limiteDiario: number | null;
  timezone: string;
  /** A visit request is urgent whatever the score. */
  eventoTipo?: string | null;
};

type Decisao = {
  acao?: unknown;
  tipo?: unknown;
  cota?: unknown;
  quando?: unknown;
  motivo?: unknown;
  janelaFechaEm?: unknown;
  decididoEm?: unknown;
};

const MOTIVOS_AGENDAR: Record<string, string> = {
  fora_do_expediente: "fora do expediente",
  pausado: "corretor em pausa",
};

const MOTIVOS_REPETIDA: Record<string, string> = {
  aguardando_envio: "o aviso anterior deste lead ainda aguarda envio",
  ja_avisado_hoje: "o corretor já foi avisado hoje sobre este lead",
};

// The demo seed's `tipo` values, read as the Orquestrador's `acao`.
const TIPO_LEGADO: Record<string, { acao: string; cota?: string }> = {
  retido: { acao: "agora", cota: "retida" },
};

/** Null when the event was not decided yet (or carries no decision). */
export function describeDecision(decisao: unknown, ctx: DecisaoContexto): string | null {
  if (!decisao || typeof decisao !== "object") return null;
  const d = decisao as Decisao;
  const tipo = typeof d.tipo === "string" ? d.tipo : null;
  const legado = tipo ? TIPO_LEGADO[tipo] : undefined;
  const acao = typeof d.acao === "string" ? d.acao : (legado?.acao ?? tipo);
  const cota = typeof d.cota === "string" ? d.cota : legado?.cota;
  const motivo = typeof d.motivo === "string" ? d.motivo : null;
  // The visit sweep writes its own messages: nothing was weighed, the sentence says what went.
  if (ctx.eventoTipo === "lembrete_visita" && acao === "agora") return "lembrete da visita enviado ao corretor";
  if (ctx.eventoTipo === "pos_visita" && acao === "agora") return "pergunta enviada ao corretor, com os botões";

  switch (acao) {
    case "agora":
      if (cota === "retida") return `retida pela cota diária${cotaTexto(ctx.limiteDiario)}`;
      return `enviada na hora${porQueQuente(ctx, motivo)}`;
    case "agrupar": {
      const fecha = dateOf(d.janelaFechaEm);
      const quando = fecha ? `; a mensagem agrupada sai até ${hora(fecha, d.decididoEm, ctx.timezone)}` : "";
      const porque =
        temperaturaDe(ctx) === "morno" ? ` porque ${scoreTexto(ctx)} é morno` : " com outros leads do corretor";
      return `agrupada${porque}${quando}`;
    }
    case "agendar": {
      const quando = dateOf(d.quando);
      const para = quando ? ` para ${hora(quando, d.decididoEm, ctx.timezone)}` : "";
      const porque = motivo ? (MOTIVOS_AGENDAR[motivo] ?? minuscula(motivo)) : "fora do expediente";
      return `agendada${para}: ${porque}`;
    }
    case "so_resumo":
      if (ctx.eventoTipo === "follow_up_vencido")
        return `só no resumo diário (follow-ups de hoje): ${scoreTexto(ctx)} não é quente`;
      return temperaturaDe(ctx) === "frio"
        ? `só no resumo diário porque ${scoreTexto(ctx)} é frio`
        : "só no resumo diário: o lead já estava encerrado";
    case "sem_corretor":
      return motivo === "lead_de_teste"
        ? "sem alerta: lead de teste enviado pelo painel"
        : "sem alerta: nenhum corretor ativo para este lead";
    case "repetida":
      return `sem nova mensagem: ${motivo ? (MOTIVOS_REPETIDA[motivo] ?? minuscula(motivo)) : "consulta repetida"}`;
    case "cancelado":
      if (motivo === "opt_out") return "sem alerta: a pessoa pediu para não ser contatada";
      if (motivo === "pedido_titular") return "cancelada: os dados da pessoa foram apagados a pedido dela";
      return motivo === "lead_encerrado"
        ? "cancelada: o lead foi encerrado (fechado ou perdido) antes do envio"
        : "cancelada: o lead foi passado para outro corretor antes do envio";
    case "lembrete":
      return "lembrete enviado ao corretor";
    case "incluido_no_alerta":
      return "incluída no alerta do novo lead";
    default:
      return motivo ? minuscula(motivo) : null;
  }
}

const scoreTexto = (ctx: DecisaoContexto) => (ctx.score === null ? "o score" : `o score ${ctx.score}`);

// The score says which rule applied; a decision that does not match it (older data) is not explained by it.
function temperaturaDe(ctx: DecisaoContexto): "quente" | "morno" | "frio" | null {
  if (ctx.score === null) return null;
  if (ctx.score >= ctx.limiares.quente) return "quente";
  return ctx.score >= ctx.limiares.morno ? "morno" : "frio";
}

function porQueQuente(ctx: DecisaoContexto, motivo: string | null): string {
  if (ctx.eventoTipo === "visita_solicitada") return " porque o lead pediu visita";
  if (temperaturaDe(ctx) === "quente") return ` porque ${scoreTexto(ctx)} é quente`;
  return motivo ? `: ${minuscula(motivo)}` : "";
}

/** A held alert means the day's quota was full: "(5/5)". */
const cotaTexto = (limite: number | null) => (limite ? ` (${limite}/${limite})` : "");

function dateOf(value: unknown): Date | null {
  if (typeof value !== "string" && !(value instanceof Date)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "08:00" on the day of the decision; "06/12 08:00" on another day (or when the decision time is unknown). */
function hora(at: Date, decididoEm: unknown, timezone: string): string {
  const local = new TZDate(at.getTime(), timezone);
  const base = dateOf(decididoEm);
  const mesmoDia = base && format(new TZDate(base.getTime(), timezone), "yyyy-MM-dd") === format(local, "yyyy-MM-dd");
  return format(local, mesmoDia ? "HH:mm" : "dd/MM HH:mm");
}

const minuscula = (texto: string) => texto.charAt(0).toLowerCase() + texto.slice(1);
