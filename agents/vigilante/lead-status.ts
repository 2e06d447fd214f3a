// A person working a lead from the dashboard: a move through the funnel or a note. Each runs in one
// transaction with the lead row-locked, only inside the login's scope, and writes an interação the
// way the broker's WhatsApp buttons do (a first contact is `contato_corretor` with its response time).
import { z } from "zod";
import { cancelPendentesDoLead, MOTIVO_LEAD_ENCERRADO } from "@/agents/conselheiro/inbound/cancel-pendentes-do-lead";
import { isInScope, type Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import { setLeadVisitaEm } from "@/lib/db/queries/leads-visita";
import { cancelMensagensDeVisita } from "@/lib/db/queries/mensagens-visita";
import type { Lead } from "@/lib/db/queries/leads";
import { lockLeadForUpdate, moveLeadStatus, touchLeadInteracao } from "@/lib/db/queries/leads-resposta";
import { LEAD_STATUS, type LeadStatus } from "@/lib/db/schema";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { formatDataHora } from "@/lib/time/format-data-hora";
import { DEFAULT_TIMEZONE } from "@/lib/time/working-hours";

/** Who acts: the rows they may change, and their name and login for the timeline. */
export type LeadActor = { scope: Scope; usuarioId: string; nome: string };

export const MOTIVO_MAX = 500;
export const NOTA_MAX = 2000;

export const mudancaStatusSchema = z
  .object({
    leadId: z.string().trim().min(1).max(50),
    para: z.enum(LEAD_STATUS, { error: "Escolha uma etapa do funil." }),
    /** The status the person saw: a move made on a stale page does not overwrite someone else's. */
    de: z.enum(LEAD_STATUS).nullable(),
    motivo: z
      .string()
      .trim()
      .max(MOTIVO_MAX, `Use no máximo ${MOTIVO_MAX} caracteres.`)
      .optional()
      .transform((m) => m || undefined),
    /** When the visit is, for a move to `visita_agendada` (optional: it may not be set yet). */
    visitaEm: z.date().optional(),
  })
  .refine((m) => m.para !== "perdido" || Boolean(m.motivo), {
    path: ["motivo"],
    message: "Diga por que o lead foi perdido.",
  })
  .refine((m) => !m.visitaEm || m.para === "visita_agendada", {
    path: ["visitaEm"],
    message: "A data da visita vale só para “Visita agendada”.",
  });
export type MudancaStatus = z.input<typeof mudancaStatusSchema>;

export const notaSchema = z.object({
  leadId: z.string().trim().min(1).max(50),
  texto: z.string().trim().min(1, "Escreva a nota.").max(NOTA_MAX, `Use no máximo ${NOTA_MAX} caracteres.`),
});
export type NovaNota = z.input<typeof notaSchema>;

export type LeadActionResult =
  /** `giveBackQuota`: slots of the broker's cancelled alerts, to give back in KV once committed. */
  | { kind: "feito"; lead: Lead; giveBackQuota?: { corretorId: string; usedAt: Date[] } }
  /** Missing, another agency's or (for a broker) another broker's: the same answer, nothing changed. */
  | { kind: "nao_encontrado" }
  /** Someone moved it first (or it already is there): the page shows the current status. */
  | { kind: "status_mudou"; atual: LeadStatus | null };

/** The lead, locked, when the actor may change it. */
async function lockInScope(tx: Db, scope: Scope, leadId: string): Promise<Lead | null> {
  const lead = await lockLeadForUpdate(tx, scope.imobiliariaId, leadId);
  return lead && isInScope(scope, lead) ? lead : null;
}

const rotulo = (status: LeadStatus | null) => (status ? STATUS_LEAD[status].rotulo : "sem status");

/** The timeline line, plus how many unsent alerts and reminders the move dropped. */
function comCanceladas(linha: string, canceladas: number): string {
  if (!canceladas) return linha;
  const quantas = canceladas === 1 ? "1 mensagem pendente cancelada" : `${canceladas} mensagens pendentes canceladas`;
  return `${linha}${/[.!?]$/.test(linha) ? "" : "."} ${quantas}.`;
}

// A closed or lost lead is chased no more: what still waits to reach its broker about it is dropped.
const ENCERRADOS: ReadonlySet<LeadStatus> = new Set(["fechado", "perdido"]);

export async function changeLeadStatus(
  db: Db,
  actor: LeadActor,
  input: MudancaStatus,
  now: Date,
  timezone: string = DEFAULT_TIMEZONE,
): Promise<LeadActionResult> {
  const data = mudancaStatusSchema.parse(input);
  return db.transaction(async (tx): Promise<LeadActionResult> => {
    const lead = await lockInScope(tx, actor.scope, data.leadId);
    if (!lead) return { kind: "nao_encontrado" };
    if (
      lead.status === "visita_agendada" &&
      data.para === "visita_agendada" &&
      data.de === lead.status &&
      data.visitaEm
    )
      return rescheduleVisita(tx, actor, lead, data.visitaEm, now, timezone);
    if (lead.status !== data.de || lead.status === data.para) return { kind: "status_mudou", atual: lead.status };
    const moved = await moveLeadStatus(tx, lead, { de: lead.status, para: data.para, at: now });
    if (!moved) return { kind: "status_mudou", atual: lead.status };
    // The visit reminders read `visita_em`: a new visit sets it (or clears an old one), and leaving
    // the stage drops the visit messages still waiting.
    if (data.para === "visita_agendada") await setLeadVisitaEm(tx, lead, data.visitaEm ?? null);
    if (lead.status === "visita_agendada")
      await cancelMensagensDeVisita(
        tx,
        lead.id,
        { codigo: MOTIVO_VISITA_SUPERADA, mensagem: `Cancelada: o lead foi movido para ${rotulo(data.para)}.` },
        now,
      );

    // Leaving `novo` is the first response, counted once, as "Já contatei" counts it.
    const primeiraResposta = lead.status === "novo";
    const minutos =
      primeiraResposta && lead.dataPrimeiroContato
        ? Math.max(0, Math.round((now.getTime() - lead.dataPrimeiroContato.getTime()) / 60_000))
        : null;
    const cancelados =
      ENCERRADOS.has(data.para) && lead.corretorId
        ? await cancelPendentesDoLead(tx, {
            leadId: lead.id,
            de: { id: lead.corretorId },
            motivo: {
              codigo: MOTIVO_LEAD_ENCERRADO,
              mensagem: `Cancelada: o lead foi marcado como ${rotulo(data.para)} por ${actor.nome}.`,
              extra: { para: data.para },
            },
            now,
          })
        : null;
    const canceladas = cancelados?.mensagemIds.length ?? 0;
    const metadata = {
      de: lead.status,
      para: data.para,
      ...(data.motivo ? { motivo: data.motivo } : {}),
      ...(data.visitaEm ? { visitaEm: data.visitaEm.toISOString() } : {}),
      corretorId: lead.corretorId,
      usuarioId: actor.usuarioId,
      via: "painel",
      ...(primeiraResposta ? { tempoPrimeiraRespostaMin: minutos } : {}),
      ...(canceladas ? { mensagensCanceladas: cancelados?.mensagemIds } : {}),
      ...(cancelados?.eventoIds.length ? { agrupamentosCancelados: cancelados.eventoIds } : {}),
      ...(cancelados?.naoDecididoIds.length ? { eventosCancelados: cancelados.naoDecididoIds } : {}),
    };
    const contato = primeiraResposta && data.para === "em_contato";
    const detalhe =
      data.motivo ?? (data.visitaEm ? `visita marcada para ${formatDataHora(data.visitaEm, timezone)}.` : null);
    await insertInteracao(tx, {
      leadId: lead.id,
      tipo: contato ? "contato_corretor" : "mudanca_status",
      data: now,
      conteudo: contato
        ? `${actor.nome} confirmou o contato pelo painel.`
        : comCanceladas(
            `Status alterado de ${rotulo(lead.status)} para ${rotulo(data.para)} por ${actor.nome}${detalhe ? `: ${detalhe}` : "."}`,
            canceladas,
          ),
      metadata,
    });
    const giveBackQuota =
      lead.corretorId && cancelados?.quotaSlots.length
        ? { corretorId: lead.corretorId, usedAt: cancelados.quotaSlots }
        : undefined;
    return { kind: "feito", lead: moved, ...(giveBackQuota ? { giveBackQuota } : {}) };
  });
}

export const MOTIVO_VISITA_SUPERADA = "visita_superada";

/** A new date for a visit already scheduled: the old reminders still waiting go, the sweep writes new ones. */
async function rescheduleVisita(
  tx: Db,
  actor: LeadActor,
  lead: Lead,
  visitaEm: Date,
  now: Date,
  timezone: string,
): Promise<LeadActionResult> {
  if (lead.visitaEm?.getTime() === visitaEm.getTime()) return { kind: "status_mudou", atual: lead.status };
  await setLeadVisitaEm(tx, lead, visitaEm);
  const canceladas = await cancelMensagensDeVisita(
    tx,
    lead.id,
    { codigo: MOTIVO_VISITA_SUPERADA, mensagem: `Cancelada: a visita foi remarcada por ${actor.nome}.` },
    now,
  );
  await insertInteracao(tx, {
    leadId: lead.id,
    tipo: "mudanca_status",
    data: now,
    conteudo: comCanceladas(
      `Visita remarcada para ${formatDataHora(visitaEm, timezone)} por ${actor.nome}.`,
      canceladas.length,
    ),
    metadata: {
      de: lead.status,
      para: lead.status,
      visitaEm: visitaEm.toISOString(),
      ...(lead.visitaEm ? { visitaAnterior: lead.visitaEm.toISOString() } : {}),
      corretorId: lead.corretorId,
      usuarioId: actor.usuarioId,
      via: "painel",
      ...(canceladas.length ? { mensagensCanceladas: canceladas } : {}),
    },
  });
  await touchLeadInteracao(tx, lead, now);
  return { kind: "feito", lead: { ...lead, visitaEm, dataUltimaInteracao: now } };
}

export async function addLeadNote(db: Db, actor: LeadActor, input: NovaNota, now: Date): Promise<LeadActionResult> {
  const data = notaSchema.parse(input);
  return db.transaction(async (tx): Promise<LeadActionResult> => {
    const lead = await lockInScope(tx, actor.scope, data.leadId);
    if (!lead) return { kind: "nao_encontrado" };
    await insertInteracao(tx, {
      leadId: lead.id,
      tipo: "nota",
      data: now,
      conteudo: data.texto,
      metadata: { corretorId: lead.corretorId, usuarioId: actor.usuarioId, autor: actor.nome, via: "painel" },
    });
    await touchLeadInteracao(tx, lead, now);
    return { kind: "feito", lead: { ...lead, dataUltimaInteracao: now } };
  });
}
