// The first-response SLA sweep (every pipeline sweep: Inngest's cron and the embedded runner). A lead
// with no first response, open, with a broker, walks a chain counted in the broker's working hours:
//   1. at the deadline: `sla_violado` + a reminder to the broker;
//   2. a window later: `sla_violado` + an alert to the agency's admins and gestores with WhatsApp;
//   3. a window later, if the agency enabled `slaRedistribuir`: re-routed by the roleta, the old broker's
//      pending messages cancelled and a notice to them, the new broker alerted like a new lead (their
//      own clock starts then).
// A paused or inactive broker's clock keeps running (a pause must not let a lead rot): at the deadline
// they get no reminder and the managers are alerted at once. Each step happens once: a compare-and-set
// on `leads.sla_etapa` in the step's transaction, and unique message keys.
import { giveBackQuotaSlot } from "@/agents/orquestrador/take-quota";
import type { Dispatch } from "@/agents/pipeline-events";
import type { Db } from "@/lib/db/client";
import { getCorretorById, type Corretor } from "@/lib/db/queries/corretores";
import { getImobiliariaByIdCached } from "@/lib/db/queries/imobiliarias";
import { listSlaPendentes, moveSlaEtapa, SLA_ULTIMA_ETAPA, type LeadSlaPendente } from "@/lib/db/queries/leads-sla";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import type { Kv } from "@/lib/kv/types";
import { appLeadLinks, type LeadLinks } from "@/lib/links/lead-links";
import { log } from "@/lib/log";
import { isPaused } from "@/lib/time/working-hours";
import { runSlaEtapas, type SlaContexto } from "./run-sla-etapas";
import { SLA_ATRASO_MAXIMO_MS, slaVencimento, type SlaEtapa } from "./sla-prazo";

export type SlaSweepDeps = {
  db: Db;
  kv: Kv;
  now: () => Date;
  /** The short links the messages carry (tests pass fixed ones). */
  links?: LeadLinks;
  /** Best effort: the re-routed lead's new event; the next sweep finds it otherwise. */
  dispatch?: Dispatch;
};

export type SlaSweepResult = {
  /** Steps taken this pass, per lead. */
  etapas: { leadId: string; etapas: SlaEtapa[] }[];
  /** Messages written this pass (the caller's sweep sends whatever is pending). */
  mensagemIds: string[];
};

export async function sweepSla(deps: SlaSweepDeps, options: { limit?: number } = {}): Promise<SlaSweepResult> {
  const now = deps.now();
  const pendentes = await listSlaPendentes(deps.db, now, options.limit ?? 500);
  const corretores = new Map<string, Promise<Corretor | null>>();
  const out: SlaSweepResult = { etapas: [], mensagemIds: [] };
  for (const lead of pendentes) {
    const key = `${lead.imobiliariaId}:${lead.corretorId}`;
    if (!corretores.has(key)) corretores.set(key, getCorretorById(deps.db, lead.imobiliariaId, lead.corretorId));
    try {
      const feito = await advanceLead(deps, lead, await corretores.get(key)!, now);
      if (feito.etapas.length > 0) out.etapas.push({ leadId: lead.id, etapas: feito.etapas });
      out.mensagemIds.push(...feito.mensagemIds);
    } catch (err) {
      // One lead's failure must not hold up the others; its row is unchanged, so the next pass retries it.
      log.error("vigilante.sla_step_failed", { leadId: lead.id, error: String(err) });
    }
  }
  return out;
}

async function advanceLead(
  deps: SlaSweepDeps,
  lead: LeadSlaPendente,
  corretor: Corretor | null,
  now: Date,
): Promise<{ etapas: SlaEtapa[]; mensagemIds: string[] }> {
  const none = { etapas: [] as SlaEtapa[], mensagemIds: [] as string[] };
  const imobiliaria = await getImobiliariaByIdCached(deps.db, lead.imobiliariaId);
  const encerrar = () =>
    moveSlaEtapa(deps.db, {
      leadId: lead.id,
      corretorId: lead.corretorId,
      deEtapa: lead.etapa,
      paraEtapa: SLA_ULTIMA_ETAPA,
      proximaEm: null,
    });
  // A sample lead is routed to nobody; one given a broker by hand is still nobody's to chase.
  if (!imobiliaria || !corretor || lead.teste) {
    await encerrar();
    return none;
  }
  const configuracoes = parseConfiguracoes(imobiliaria.configuracoes);
  const vencimento = (etapa: SlaEtapa) =>
    slaVencimento(etapa, {
      desde: lead.desde,
      slaMinutos: configuracoes.slaMinutos,
      preferencias: corretor.preferencias,
      timezone: imobiliaria.timezone,
    });
  const ctx: SlaContexto = {
    lead,
    corretor,
    imobiliaria,
    configuracoes,
    vencimento,
    ausente: corretor.ativo === false ? "inativo" : isPaused(corretor.preferencias, now) ? "pausado" : null,
  };

  const proxima = (lead.etapa + 1) as SlaEtapa;
  const vence = vencimento(proxima);
  if (vence.getTime() > now.getTime()) {
    // Not yet: note when to look again, so the next passes skip it in the index.
    await moveSlaEtapa(deps.db, { ...mover(lead), paraEtapa: lead.etapa, proximaEm: vence });
    return none;
  }
  if (lead.etapa === 0 && now.getTime() - vence.getTime() > SLA_ATRASO_MAXIMO_MS) {
    log.info("vigilante.sla_chain_stale", { leadId: lead.id, venceuEm: vence.toISOString() });
    await encerrar();
    return none;
  }
  // Every step already due is taken now, in order (a sweep that ran late catches up in one move); an
  // absent broker's reminder is skipped and the managers' alert goes with it.
  let para = proxima;
  while (para < SLA_ULTIMA_ETAPA && vencimento((para + 1) as SlaEtapa).getTime() <= now.getTime()) para++;
  if (para === 1 && ctx.ausente) para = 2;
  const proximaEm = para < SLA_ULTIMA_ETAPA ? vencimento((para + 1) as SlaEtapa) : null;
  const feito = await runSlaEtapas(
    deps.db,
    ctx,
    { de: lead.etapa, para: para as SlaEtapa, proximaEm },
    { now, links: deps.links ?? appLeadLinks },
  );
  if (!feito) return none;
  log.info("vigilante.sla_steps", { leadId: lead.id, corretorId: corretor.id, etapas: feito.etapas.join(",") });
  if (feito.handOver) await afterHandOver(deps, feito.handOver);
  return { etapas: feito.etapas, mensagemIds: feito.mensagemIds };
}

const mover = (lead: LeadSlaPendente) => ({ leadId: lead.id, corretorId: lead.corretorId, deEtapa: lead.etapa });

// KV and pipeline are best effort once committed, as in a manager's reassignment (reassign-lead.ts).
async function afterHandOver(
  deps: SlaSweepDeps,
  handOver: NonNullable<Awaited<ReturnType<typeof runSlaEtapas>>>["handOver"],
) {
  if (!handOver) return;
  if (handOver.giveBackQuota) {
    const { corretorId, usedAt } = handOver.giveBackQuota;
    await Promise.all(usedAt.map((at) => giveBackQuotaSlot(deps.kv, corretorId, at))).catch((err: unknown) =>
      log.warn("quota.give_back_failed", { corretorId, error: String(err) }),
    );
  }
  const evento = handOver.leadRecebido;
  await deps
    .dispatch?.("lead/received", evento, `lead-received-${evento.eventoId}`)
    .catch((err: unknown) =>
      log.warn("pipeline.dispatch_failed", { what: "lead_redistribuido", leadId: evento.leadId, error: String(err) }),
    );
}
