// What happened to one demo lead after it arrived: interactions along its funnel stage, the
// events the Vigilante would have detected, and the Orquestrador's decision on each of them.
import type { InferInsertModel } from "drizzle-orm";
import { isOnDuty, nextDutyStart } from "@/lib/time/working-hours";
import { newId } from "@/lib/ids";
import { composeNovoLead } from "@/agents/conselheiro/compose/compose-lead";
import { env } from "@/lib/env";
import { shortLeadLinks } from "@/lib/links/lead-links";
import type { FatorScore } from "@/agents/conselheiro/compose/message-types";
import type { EventoTipo, eventos, interacoes, InteracaoTipo, LeadStatus, Urgencia } from "@/lib/db/schema";
import {
  CONTATOS_CORRETOR,
  IMPRESSOES_VISITA,
  MENSAGENS_LEAD,
  MOTIVOS_PERDA,
  NOTAS_CORRETOR,
  RESPOSTAS_LEAD,
  type Origem,
  type TipoLeadPortal,
} from "./catalog";
import { analiseDemo } from "./analyse-demo-text";
import { DEMO_AGENCY } from "./demo-accounts";
import { listingTitle, type BrokerRef, type ListingRef } from "./generate-base";
import type { LeadContext } from "./lead-context";
import type { Random, Weighted } from "./random";
import * as t from "./texts";

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export type Decisao = "agora" | "agrupar" | "retido" | "so_resumo" | "lembrete" | "incluido_no_alerta";

/** A message the Orquestrador decided to send (or hold) for one event. */
export type Aviso = {
  eventoId: string;
  leadId: string;
  eventoTipo: EventoTipo;
  urgencia: Urgencia;
  decisao: "agora" | "agrupar" | "retido" | "lembrete";
  at: Date;
  nominal: number;
  /** Outside the broker's hours the send waits for the next shift. */
  enviarEm: Date | null;
  corpo: string;
  /** Set when the Conselheiro's own template wrote the body (a repeat's "voltou a perguntar"). */
  templateVariaveis: Record<string, string> | null;
  lead: t.LeadTextInput;
};

export type TimelineRows = {
  interacoes: InferInsertModel<typeof interacoes>[];
  eventos: InferInsertModel<typeof eventos>[];
};

export type LeadFacts = {
  i: number;
  leadId: string;
  at: Date;
  nominal: number;
  dayIndex: number;
  pending: boolean;
  nome: string;
  telefone: string;
  score: number;
  fatores: FatorScore[];
  status: LeadStatus;
  retorno: boolean;
  corretor: BrokerRef;
  listing: ListingRef;
  origem: Origem;
  mensagem: string;
  pedidoVisita: boolean;
  leadType: TipoLeadPortal;
};

const STATUS_LABEL: Record<LeadStatus, string> = {
  novo: "novo",
  em_contato: "em contato",
  visita_agendada: "visita agendada",
  visita_realizada: "visita realizada",
  proposta: "proposta",
  fechado: "fechado",
  perdido: "perdido",
};
const FUNNEL: readonly LeadStatus[] = [
  "novo",
  "em_contato",
  "visita_agendada",
  "visita_realizada",
  "proposta",
  "fechado",
];
const CONTACT_DELAY_MIN: Weighted<readonly [number, number]> = [
  [[2, 14], 72],
  [[16, 60], 17],
  [[60, 240], 7],
  [[240, 1440], 4],
];
// No draw holds an alert: the message planner holds what the broker's daily quota cannot take.
const DECISAO_NOVO_LEAD: Record<Urgencia, Weighted<Decisao>> = {
  critica: [
    ["agora", 93],
    ["agrupar", 7],
  ],
  alta: [
    ["agora", 86],
    ["agrupar", 14],
  ],
  media: [
    ["agora", 43],
    ["agrupar", 51],
    ["so_resumo", 6],
  ],
  baixa: [
    ["agrupar", 48],
    ["so_resumo", 52],
  ],
};
const MOTIVO: Record<Decisao | "agendar", string> = {
  agora: "Dentro do horário do corretor",
  agrupar: "Entra na próxima mensagem agrupada",
  retido: "Cota diária de mensagens atingida",
  so_resumo: "Lead frio: só no resumo diário",
  lembrete: "Lembrete ao corretor",
  incluido_no_alerta: "Incluído no alerta do novo lead",
  agendar: "Fora do horário do corretor: enviar no início do próximo expediente",
};

export const MOTIVO_RETIDO = MOTIVO.retido;

// The Orquestrador's urgency tiers for the demo's new-lead alerts (critica included, which the
// per-delivery describeLeadEvent leaves to SLA breaches).
function urgencyForScore(score: number): Urgencia {
  if (score >= 85) return "critica";
  if (score >= 70) return "alta";
  if (score >= 40) return "media";
  return "baixa";
}

type PlannedInteracao = {
  off: number;
  tipo: InteracaoTipo;
  conteudo: string | (() => string);
  sentimento?: string;
  metadata?: Record<string, unknown>;
};
type PlannedEvento = {
  off: number;
  tipo: EventoTipo;
  urgencia: Urgencia;
  texts: { titulo: string; descricao: string; acaoRecomendada: string };
  decisao: Decisao;
  /** What a returning person wrote this time. */
  mensagem?: string;
};

function statusChange(
  de: LeadStatus,
  para: LeadStatus,
  detalhe: string,
): Pick<PlannedInteracao, "tipo" | "metadata"> & { texto: string } {
  return {
    tipo: "mudanca_status",
    texto: `Status alterado de ${STATUS_LABEL[de]} para ${STATUS_LABEL[para]}: ${detalhe}`,
    metadata: { de, para },
  };
}

export function buildTimeline(ctx: LeadContext, rng: Random, f: LeadFacts) {
  const text: t.LeadTextInput = {
    nome: f.nome,
    telefone: f.telefone,
    score: f.score,
    origemNome: f.origem.nome,
    mensagem: f.mensagem,
    listing: f.listing,
  };
  const inter: PlannedInteracao[] = [];
  const evs: PlannedEvento[] = [];
  const urgencia = urgencyForScore(f.score);
  const sla = ctx.config.slaMinutos;

  inter.push({
    off: 0,
    tipo: "mensagem_portal",
    conteudo:
      f.mensagem ||
      `Lead sem mensagem escrita (${f.leadType === "PHONE_VIEW" ? "viu o telefone" : "clicou no WhatsApp"} do anúncio ${f.listing.codigo}).`,
    metadata: { portal: f.origem.portal, origem: f.origem.codigo, leadType: f.leadType },
  });
  evs.push({
    off: rng.int(3, 20) * SEC,
    tipo: "novo_lead",
    urgencia,
    texts: t.novoLeadEvento(text, urgencia),
    decisao: rng.weighted(DECISAO_NOVO_LEAD[urgencia]),
  });
  if (f.pedidoVisita) {
    evs.push({
      off: rng.int(21, 40) * SEC,
      tipo: "visita_solicitada",
      urgencia: f.score >= 70 ? "critica" : "alta",
      texts: t.visitaEvento(text),
      decisao: "incluido_no_alerta",
    });
  }

  const lost = f.status === "perdido";
  const reached = lost
    ? rng.weighted([
        [1, 65],
        [2, 17],
        [3, 18],
      ] as const)
    : FUNNEL.indexOf(f.status);
  const [lo, hi] = rng.weighted(CONTACT_DELAY_MIN);
  const contato = rng.int(lo, hi) * MIN;
  let last = 0;
  let visitaOff = 0;
  if (reached >= 1) {
    inter.push({
      off: contato,
      tipo: "contato_corretor",
      conteudo: t.fillTemplate(rng.pick(CONTATOS_CORRETOR), f.listing),
      metadata: { corretorId: f.corretor.id, canal: rng.chance(0.6) ? "telefone" : "whatsapp" },
    });
    last = contato;
    if (rng.chance(reached >= 2 ? 0.7 : 0.45)) {
      const r = rng.pick(RESPOSTAS_LEAD);
      last = contato + rng.int(10, 480) * MIN;
      inter.push({ off: last, tipo: "resposta_whatsapp", conteudo: r.texto, sentimento: r.sentimento });
    }
    if (rng.chance(0.12))
      inter.push({
        off: contato + rng.int(30, 2880) * MIN,
        tipo: "nota",
        conteudo: rng.pick(NOTAS_CORRETOR),
        metadata: { corretorId: f.corretor.id },
      });
  }
  if (reached >= 2) {
    const agendadaOff = last + rng.int(60, 2880) * MIN;
    visitaOff = agendadaOff + rng.int(18, 96) * HOUR;
    const change = statusChange("em_contato", "visita_agendada", "");
    const visitaAt = () => t.formatDateTime(when(visitaOff), ctx.timezone);
    inter.push({
      off: agendadaOff,
      tipo: change.tipo,
      metadata: change.metadata,
      conteudo: () => `${change.texto}visita marcada para ${visitaAt()}.`,
    });
    last = agendadaOff;
  }
  if (reached >= 3) {
    const imp = rng.pick(IMPRESSOES_VISITA);
    inter.push({
      off: visitaOff,
      tipo: "visita",
      conteudo: `Visita realizada ao ${f.listing.codigo}. ${imp.texto}`,
      sentimento: imp.sentimento,
      metadata: { imovelId: f.listing.id },
    });
    last = visitaOff;
  }
  const valorProposta = Math.round((f.listing.preco * rng.float(0.86, 0.98)) / 100) * 100;
  if (reached >= 4) {
    last += rng.int(1, 5) * DAY + rng.int(0, 8) * HOUR;
    const c = statusChange(
      "visita_realizada",
      "proposta",
      `proposta de ${t.formatMoney(valorProposta)} (anunciado por ${t.formatPrice(f.listing)}).`,
    );
    inter.push({ off: last, tipo: c.tipo, conteudo: c.texto, metadata: { ...c.metadata, valor: valorProposta } });
  }
  if (reached >= 5) {
    last += rng.int(2, 10) * DAY + rng.int(0, 8) * HOUR;
    const detalhe =
      f.listing.finalidade === "venda"
        ? `negócio fechado por ${t.formatMoney(valorProposta)}.`
        : `contrato de locação assinado, ${t.formatMoney(valorProposta)}/mês.`;
    const c = statusChange("proposta", "fechado", detalhe);
    inter.push({ off: last, tipo: c.tipo, conteudo: c.texto, metadata: { ...c.metadata, valor: valorProposta } });
  }
  let motivoPerda: string | undefined;
  if (lost) {
    motivoPerda = rng.pick(MOTIVOS_PERDA);
    last += rng.int(1, 10) * DAY;
    const c = statusChange(FUNNEL[reached]!, "perdido", `${motivoPerda}.`);
    inter.push({ off: last, tipo: c.tipo, conteudo: c.texto, metadata: { ...c.metadata, motivo: motivoPerda } });
  }

  const late = reached >= 1 ? contato > sla * MIN : f.dayIndex >= 1;
  if (!f.pending && late && f.score >= ctx.config.scoreMorno) {
    evs.push({
      off: sla * MIN + rng.int(0, 59) * SEC,
      tipo: "sla_violado",
      urgencia: f.score >= 85 ? "critica" : "alta",
      texts: t.slaEvento(text, sla),
      decisao: "lembrete",
    });
  }
  if (f.status === "em_contato" && f.dayIndex >= 3 && rng.chance(0.5)) {
    const options = ctx.config.followUpDias.filter((d) => d < f.dayIndex);
    const dias = options.length > 0 ? rng.pick(options) : 1;
    evs.push({
      off: last + dias * DAY,
      tipo: "follow_up_vencido",
      urgencia: "media",
      texts: t.followUpEvento(text, dias),
      decisao: "lembrete",
    });
  }
  let retornoOff = -1;
  if (f.retorno) {
    // Some come back within hours, often while their first alert still waits (held by the quota,
    // or for the broker's shift): the Orquestrador then records the repeat as `repetida`.
    retornoOff = rng.chance(0.35)
      ? rng.int(20, 600) * MIN
      : rng.int(1, Math.min(f.dayIndex, 20)) * DAY + rng.int(0, 12) * HOUR;
    const fits = MENSAGENS_LEAD.filter((m) => !m.finalidade || m.finalidade === f.listing.finalidade);
    const msg = t.fillTemplate(rng.pick(fits).texto, f.listing);
    inter.push({
      off: retornoOff,
      tipo: "nova_consulta",
      conteudo: msg,
      metadata: { portal: f.origem.portal, origem: f.origem.codigo },
    });
    evs.push({
      off: retornoOff + rng.int(3, 20) * SEC,
      tipo: "lead_retorno",
      urgencia: "alta",
      texts: t.retornoEvento(text, msg),
      decisao: "agora",
      mensagem: msg,
    });
  }

  // Old leads have had time for the whole funnel; a recent one squeezes its story into its age.
  const age = ctx.now.getTime() - f.at.getTime();
  const maxOff = Math.max(...inter.map((p) => p.off), ...evs.map((p) => p.off));
  const scale = maxOff > 0.95 * age ? (0.95 * age) / maxOff : 1;
  function when(off: number): Date {
    return new Date(Math.min(f.at.getTime() + Math.round(off * scale), ctx.now.getTime()));
  }

  inter.sort((a, b) => a.off - b.off);
  const interacaoRows = inter.map((p) => {
    const data = when(p.off);
    const conteudo = typeof p.conteudo === "function" ? p.conteudo() : p.conteudo;
    return {
      leadId: f.leadId,
      data,
      tipo: p.tipo,
      conteudo,
      sentimento: p.sentimento ?? null,
      metadata: p.metadata ?? null,
      // What people wrote is read as the pipeline reads it (a few seconds after it arrived).
      ...analiseDemo(p.tipo, conteudo, new Date(Math.min(data.getTime() + 5 * SEC, ctx.now.getTime()))),
    } satisfies InferInsertModel<typeof interacoes>;
  });

  evs.sort((a, b) => a.off - b.off);
  const avisos: Aviso[] = [];
  const rows = evs.map((p) => {
    const at = when(p.off);
    const id = newId("evt", at.getTime(), rng.bytes(16));
    const aviso = f.pending ? null : planAviso(ctx, f, p, at, id, text);
    if (aviso) avisos.push(aviso);
    const decisao = aviso?.enviarEm
      ? { tipo: "agendar", motivo: MOTIVO.agendar, quando: aviso.enviarEm.toISOString() }
      : { tipo: p.decisao, motivo: MOTIVO[p.decisao] };
    return {
      id,
      tipo: p.tipo,
      urgencia: p.urgencia,
      corretorId: f.corretor.id,
      leadId: f.leadId,
      ...p.texts,
      dataDeteccao: at,
      processado: !f.pending,
      imobiliariaId: ctx.agencyId,
      metadata: f.pending
        ? { score: f.score }
        : {
            score: f.score,
            decisao,
            decididoEm: new Date(Math.min(at.getTime() + 2 * SEC, ctx.now.getTime())).toISOString(),
          },
    } satisfies InferInsertModel<typeof eventos>;
  });

  return {
    interacoes: interacaoRows,
    eventos: rows,
    avisos,
    motivoPerda,
    ultimaInteracao: interacaoRows[interacaoRows.length - 1]!.data,
    retornoEm: retornoOff >= 0 ? when(retornoOff) : null,
  };
}

function planAviso(
  ctx: LeadContext,
  f: LeadFacts,
  p: PlannedEvento,
  at: Date,
  eventoId: string,
  lead: t.LeadTextInput,
): Aviso | null {
  if (p.decisao === "so_resumo" || p.decisao === "incluido_no_alerta") return null;
  const prefs = f.corretor.prefs;
  const breaksSilence =
    prefs.silencio === "urgente_pode_quebrar" && (p.urgencia === "critica" || p.urgencia === "alta");
  const immediate = p.decisao === "agora" || p.decisao === "lembrete";
  const enviarEm =
    immediate && !breaksSilence && !isOnDuty(prefs, at, ctx.timezone) ? nextDutyStart(prefs, at, ctx.timezone) : null;
  const retorno =
    p.tipo === "lead_retorno" ? retornoMensagem(ctx, f, at, p.mensagem ?? null, enviarEm ? at : null) : null;
  const corpo =
    retorno?.corpo ??
    (p.tipo === "novo_lead"
      ? t.alertaCorpo(lead, p.urgencia, f.pedidoVisita)
      : t.lembreteCorpo(p.texts.titulo, p.texts.acaoRecomendada));
  return {
    eventoId,
    leadId: f.leadId,
    eventoTipo: p.tipo,
    urgencia: p.urgencia,
    decisao: p.decisao,
    at,
    nominal: f.nominal + p.off,
    enviarEm,
    corpo,
    templateVariaveis: retorno?.templateVariaveis ?? null,
    lead,
  };
}

/** A repeat's one "voltou a perguntar" of the day, written by the Conselheiro's template as the Orquestrador asks for it. */
function retornoMensagem(ctx: LeadContext, f: LeadFacts, at: Date, mensagem: string | null, recebidoEm: Date | null) {
  const l = f.listing;
  const links = shortLeadLinks({ key: ctx.linksKey, baseUrl: env.publicBaseUrl, now: () => at });
  return composeNovoLead(
    {
      tipo: "lead_retorno",
      lead: { id: f.leadId, nome: f.nome, origem: f.origem.codigo, score: f.score, telefone: f.telefone },
      fatores: f.fatores,
      imovel: {
        titulo: listingTitle(l.tipo, l.quartos, l.areaM2, l.bairro, l.finalidade),
        codigo: l.codigo,
        bairro: l.bairro,
      },
      mensagem,
      remetente: { corretorId: f.corretor.id, corretorNome: f.corretor.nome, imobiliariaNome: DEMO_AGENCY.nome },
      recebidoEm: recebidoEm ? { em: recebidoEm, timezone: ctx.timezone } : null,
      repeticao: { consultas: 2 },
    },
    links,
  );
}
