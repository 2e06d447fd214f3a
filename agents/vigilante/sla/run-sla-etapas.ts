// One move of a lead's SLA chain, in one transaction: the compare-and-set on `leads.sla_etapa` first
// (a concurrent sweep's update waits for it and then finds nothing), then each step's `sla_violado`
// event (decided at once, with its reason) and its messages under their idempotency keys.
import {
  composeSlaGestao,
  composeSlaLembrete,
  composeSlaRedistribuido,
} from "@/agents/conselheiro/compose/compose-sla";
import { queueToGestores } from "@/agents/conselheiro/gestao/queue-to-gestores";
import { handOverLead, type HandOver } from "@/agents/conselheiro/inbound/hand-over-lead";
import { routeLead } from "@/agents/vigilante/route-lead";
import type { Db } from "@/lib/db/client";
import { getCorretorById, type Corretor } from "@/lib/db/queries/corretores";
import { insertEvento, markEventoDecididoIfPending } from "@/lib/db/queries/eventos";
import type { Imobiliaria } from "@/lib/db/queries/imobiliarias";
import { lockLeadForUpdate } from "@/lib/db/queries/leads-resposta";
import { moveSlaEtapa, type LeadSlaPendente } from "@/lib/db/queries/leads-sla";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { listGestoresComWhatsapp } from "@/lib/db/queries/usuarios";
import { ACAO_REDISTRIBUIR_SLA } from "@/lib/db/schema";
import type { ConfiguracoesImobiliaria } from "@/lib/domain/configuracoes-imobiliaria";
import type { LeadLinks } from "@/lib/links/lead-links";
import { isOnDuty, nextDutyStart } from "@/lib/time/working-hours";
import { SLA_TEXTS } from "./sla-texts";
import type { SlaEtapa } from "./sla-prazo";

export type SlaContexto = {
  lead: LeadSlaPendente;
  corretor: Corretor;
  imobiliaria: Imobiliaria;
  configuracoes: ConfiguracoesImobiliaria;
  /** Due time of each step for this broker's clock. */
  vencimento: (etapa: SlaEtapa) => Date;
  /** Why the broker gets no reminder (the chain goes straight to the managers). */
  ausente: "pausado" | "inativo" | null;
};

export type SlaMove = { de: number; para: SlaEtapa; proximaEm: Date | null };

export type SlaResultado = { etapas: SlaEtapa[]; mensagemIds: string[]; handOver: HandOver | null };

/** Idempotency key of step `etapa` of this broker's clock: a hand-over restarts the clock, and the keys. */
export const slaKey = (lead: Pick<LeadSlaPendente, "id" | "desde">, etapa: SlaEtapa) =>
  `sla:${lead.id}:${lead.desde.getTime()}:${etapa}`;

/** Null when another sweep moved the lead first, or the broker answered meanwhile: nothing written. */
export async function runSlaEtapas(
  db: Db,
  ctx: SlaContexto,
  move: SlaMove,
  deps: { now: Date; links: LeadLinks },
): Promise<SlaResultado | null> {
  return db.transaction(async (tx) => {
    const moved = await moveSlaEtapa(tx, {
      leadId: ctx.lead.id,
      corretorId: ctx.corretor.id,
      deEtapa: move.de,
      paraEtapa: move.para,
      proximaEm: move.proximaEm,
    });
    if (!moved) return null;
    const out: SlaResultado = { etapas: [], mensagemIds: [], handOver: null };
    for (let etapa = move.de + 1; etapa <= move.para; etapa++) {
      const k = etapa as SlaEtapa;
      if (k === 1) await lembrete(tx, ctx, deps, out);
      if (k === 2) await gestao(tx, ctx, deps, out);
      if (k === 3 && ctx.configuracoes.slaRedistribuir) await redistribuir(tx, ctx, deps, out);
    }
    return out;
  });
}

type Step = (tx: Db, ctx: SlaContexto, deps: { now: Date; links: LeadLinks }, out: SlaResultado) => Promise<void>;

const base = (ctx: SlaContexto) => ({
  leadNome: ctx.lead.nome,
  corretorNome: ctx.corretor.nome,
  slaMinutos: ctx.configuracoes.slaMinutos,
  timezone: ctx.imobiliaria.timezone,
});

const leadLinha = (lead: LeadSlaPendente) => ({
  id: lead.id,
  nome: lead.nome,
  origem: lead.origem,
  score: lead.score,
  telefone: lead.telefone,
});

async function recordEvento(
  tx: Db,
  ctx: SlaContexto,
  now: Date,
  etapa: SlaEtapa,
  texto: { titulo: string; descricao: string; acao: string; motivo: string },
  extra: Record<string, unknown>,
) {
  const evento = await insertEvento(tx, {
    imobiliariaId: ctx.imobiliaria.id,
    tipo: "sla_violado",
    urgencia: etapa === 1 ? "alta" : "critica",
    corretorId: ctx.corretor.id,
    leadId: ctx.lead.id,
    titulo: texto.titulo,
    descricao: texto.descricao,
    acaoRecomendada: texto.acao,
    dataDeteccao: now,
    metadata: {
      sla: { etapa, desde: ctx.lead.desde.toISOString(), prazoMinutos: ctx.configuracoes.slaMinutos, ...extra },
    },
  });
  // Decided here, not by the Orquestrador: the chain already wrote what this step sends.
  await markEventoDecididoIfPending(tx, evento.id, { acao: "sla", etapa, motivo: texto.motivo, decididoEm: now });
  return evento;
}

const lembrete: Step = async (tx, ctx, { now, links }, out) => {
  const venceuEm = ctx.vencimento(1);
  const evento = await recordEvento(
    tx,
    ctx,
    now,
    1,
    SLA_TEXTS.lembrete({ ...base(ctx), venceuEm, ausente: ctx.ausente }),
    {
      venceuEm: venceuEm.toISOString(),
      ...(ctx.ausente ? { ausente: ctx.ausente } : {}),
    },
  );
  out.etapas.push(1);
  if (ctx.ausente) return;
  const { corretor, imobiliaria } = ctx;
  const composed = composeSlaLembrete(
    {
      lead: leadLinha(ctx.lead),
      recebidoEm: ctx.lead.desde,
      slaMinutos: ctx.configuracoes.slaMinutos,
      timezone: imobiliaria.timezone,
      remetente: { corretorId: corretor.id, corretorNome: corretor.nome, imobiliariaNome: imobiliaria.nome },
    },
    links,
  );
  // Due inside the broker's hours, so normally on duty now; a sweep that ran late past the end of the
  // shift waits for the next one. Quota-free, like every reminder: it is about a lead already told.
  const agora = isOnDuty(corretor.preferencias, now, imobiliaria.timezone);
  const { mensagem } = await insertMensagemOnce(tx, {
    imobiliariaId: imobiliaria.id,
    corretorId: corretor.id,
    leadId: ctx.lead.id,
    eventoId: evento.id,
    tipo: "lembrete",
    destino: corretor.telefone,
    ...composed,
    status: agora ? "pendente" : "agendada",
    scheduledFor: agora ? null : nextDutyStart(corretor.preferencias, now, imobiliaria.timezone),
    idempotencyKey: slaKey(ctx.lead, 1),
    criadoEm: now,
  });
  out.mensagemIds.push(mensagem.id);
};

const gestao: Step = async (tx, ctx, { now, links }, out) => {
  const esperaMinutos = Math.max(0, Math.round((now.getTime() - ctx.lead.desde.getTime()) / 60_000));
  const redistribuiEm = ctx.configuracoes.slaRedistribuir ? ctx.vencimento(3) : null;
  // Counted first so the event says who was told; queueToGestores reads the same list in this transaction.
  const avisados = (await listGestoresComWhatsapp(tx, ctx.imobiliaria.id)).length;
  const evento = await recordEvento(tx, ctx, now, 2, SLA_TEXTS.gestao({ ...base(ctx), esperaMinutos, avisados }), {
    gestoresAvisados: avisados,
  });
  const enfileiradas = await queueToGestores(
    { db: tx, now: () => now },
    {
      imobiliariaId: ctx.imobiliaria.id,
      tipo: "alerta_gestao",
      chave: slaKey(ctx.lead, 2),
      papeis: ["admin", "gestor"],
      leadId: ctx.lead.id,
      eventoId: evento.id,
      corpo: (g) =>
        composeSlaGestao(
          {
            gestorNome: g.nome,
            lead: leadLinha(ctx.lead),
            corretorId: ctx.corretor.id,
            corretorNome: ctx.corretor.nome,
            recebidoEm: ctx.lead.desde,
            esperaMinutos,
            slaMinutos: ctx.configuracoes.slaMinutos,
            redistribuiEm,
            timezone: ctx.imobiliaria.timezone,
          },
          links,
        ),
    },
  );
  out.etapas.push(2);
  out.mensagemIds.push(...enfileiradas.map((e) => e.mensagemId));
};

const redistribuir: Step = async (tx, ctx, { now }, out) => {
  const { imobiliaria, corretor } = ctx;
  // "By the roleta" whatever the agency's routing: the listing's owner or the fixed broker is who failed.
  const route = await routeLead(tx, {
    imobiliariaId: imobiliaria.id,
    timezone: imobiliaria.timezone,
    configuracoes: { ...ctx.configuracoes, roteamento: "roleta" },
    listingCorretorId: null,
    now,
    excluir: [corretor.id],
  });
  const para = route.corretorId ? await getCorretorById(tx, imobiliaria.id, route.corretorId) : null;
  const lead = para ? await lockLeadForUpdate(tx, imobiliaria.id, ctx.lead.id) : null;
  const feito =
    para && lead
      ? await handOverLead(tx, {
          imobiliariaId: imobiliaria.id,
          lead,
          de: corretor,
          para,
          now,
          conteudo: SLA_TEXTS.nota(corretor.nome, para.nome),
          metadata: { acao: ACAO_REDISTRIBUIR_SLA, roteamento: route.motivo, via: "sla" },
          motivoCancelamento: SLA_TEXTS.cancelamento(para.nome),
        })
      : null;
  if (!para || !feito) {
    await recordEvento(tx, ctx, now, 3, SLA_TEXTS.semOutroCorretor(base(ctx)), { redistribuido: false });
    out.etapas.push(3);
    return;
  }
  await recordEvento(tx, ctx, now, 3, SLA_TEXTS.redistribuido({ ...base(ctx), paraNome: para.nome }), {
    redistribuido: true,
    para: para.id,
  });
  // After the hand-over cancelled the old broker's pending messages, so this one stays.
  const { mensagem } = await insertMensagemOnce(tx, {
    imobiliariaId: imobiliaria.id,
    corretorId: corretor.id,
    leadId: ctx.lead.id,
    tipo: "aviso",
    destino: corretor.telefone,
    ...composeSlaRedistribuido({
      lead: leadLinha(ctx.lead),
      paraNome: para.nome,
      slaMinutos: ctx.configuracoes.slaMinutos,
    }),
    status: "pendente",
    idempotencyKey: slaKey(ctx.lead, 3),
    criadoEm: now,
  });
  out.etapas.push(3);
  out.mensagemIds.push(mensagem.id);
  out.handOver = feito;
};
