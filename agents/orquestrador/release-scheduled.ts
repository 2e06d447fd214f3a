// Scheduled alerts/digests (`agendada`) spend their quota slot when they come due, not when they
// were decided: the sweep calls releaseScheduled (or takeQuotaForScheduled per row) BEFORE the
// sender claims them. Allowed → `pendente` (scheduled_for = the release instant, the day whose slot
// it used); refused → `retida_cota`, told in the next digest; broker paused meanwhile → pushed back.
import { getCorretorById } from "@/lib/db/queries/corretores";
import { getImobiliariaByIdCached } from "@/lib/db/queries/imobiliarias";
import { getMensagemById, transitionMensagem } from "@/lib/db/queries/mensagens";
import { listDueAgendadasUsingQuota, QUOTA_TIPOS } from "@/lib/db/queries/mensagens-quota";
import { log } from "@/lib/log";
import { isPaused, nextDutyStart } from "@/lib/time/working-hours";
import type { OrquestradorDeps } from "./process-evento";
import { takeQuota, type QuotaSlot } from "./take-quota";

export type ReleaseOutcome = "liberada" | "retida_cota" | "adiada" | "nao_se_aplica";

/**
 * Takes the quota slot for one due `agendada` alert or digest. `nao_se_aplica`: not scheduled, not
 * due, already released by someone else, or a kind without quota (the sender may claim it as is).
 */
export async function takeQuotaForScheduled(
  deps: Omit<OrquestradorDeps, "writer">,
  mensagemId: string,
): Promise<ReleaseOutcome> {
  const now = deps.now();
  const row = await getMensagemById(deps.db, mensagemId);
  const due = row?.status === "agendada" && row.scheduledFor !== null && row.scheduledFor.getTime() <= now.getTime();
  if (!row || !due || !QUOTA_TIPOS.includes(row.tipo) || !row.corretorId) return "nao_se_aplica";
  const corretorId = row.corretorId;

  const [corretor, imobiliaria] = await Promise.all([
    getCorretorById(deps.db, row.imobiliariaId, corretorId),
    getImobiliariaByIdCached(deps.db, row.imobiliariaId),
  ]);
  if (corretor && imobiliaria && isPaused(corretor.preferencias, now)) {
    const scheduledFor = nextDutyStart(corretor.preferencias, now, imobiliaria.timezone);
    const moved = await transitionMensagem(deps.db, row.id, ["agendada"], { status: "agendada", scheduledFor }, now);
    return moved ? "adiada" : "nao_se_aplica";
  }

  const limiteDiario = corretor?.preferencias.limiteDiario ?? 0;
  const held: { slot: QuotaSlot | null } = { slot: null };
  try {
    return await deps.db.transaction(async (tx) => {
      held.slot = limiteDiario > 0 ? await takeQuota({ tx, kv: deps.kv, now }, { id: corretorId, limiteDiario }) : null;
      const allowed = held.slot?.allowed ?? false;
      const to = allowed ? { status: "pendente" as const, scheduledFor: now } : { status: "retida_cota" as const };
      const saved = await transitionMensagem(tx, row.id, ["agendada"], to, now);
      if (!saved) {
        await held.slot?.giveBack(); // released concurrently by another sweep
        held.slot = null;
        return "nao_se_aplica";
      }
      return allowed ? "liberada" : "retida_cota";
    });
  } catch (err) {
    await held.slot?.giveBack();
    throw err;
  }
}

export type ReleaseResult = { liberadas: string[]; retidas: string[]; adiadas: string[] };

/** Releases every due scheduled alert/digest, oldest first. Dispatch a send for each `liberadas` id. */
export async function releaseScheduled(
  deps: Omit<OrquestradorDeps, "writer">,
  opts: { limit?: number } = {},
): Promise<ReleaseResult> {
  const due = await listDueAgendadasUsingQuota(deps.db, deps.now(), opts.limit ?? 100);
  const result: ReleaseResult = { liberadas: [], retidas: [], adiadas: [] };
  for (const row of due) {
    const outcome = await takeQuotaForScheduled(deps, row.id);
    if (outcome === "liberada") result.liberadas.push(row.id);
    else if (outcome === "retida_cota") result.retidas.push(row.id);
    else if (outcome === "adiada") result.adiadas.push(row.id);
  }
  if (due.length) log.info("orquestrador.scheduled_released", { ...result, total: due.length });
  return result;
}
