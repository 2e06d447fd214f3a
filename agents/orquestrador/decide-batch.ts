// Many events decided in two round trips: one read of every context, one statement marking each
// decision that writes nothing else (a warm lead's grouping, a cold lead's summary, a repeat with
// nothing new). Under a burst most events are routine, and deciding them one by one (a read and a
// commit each) was what kept a hot lead's decision waiting. Whatever is not routine is handed back,
// in order, for processEvento: a decision that writes a message (its quota, its row), an event
// whose lead already has one in this batch (its decision reads the earlier one's), a missing or
// malformed event (its own error and retries).
import { getEventoContexts } from "@/lib/db/queries/evento-context";
import { markEventosDecididosIfPending } from "@/lib/db/queries/eventos";
import { saoPauloDay } from "@/lib/kv/keys";
import { log } from "@/lib/log";
import { withRequestId } from "@/lib/request-context";
import { planDecision, type OrquestradorDeps } from "./process-evento";

export const MAX_BATCH = 100;

/**
 * Decides the routine events of `eventoIds` and returns the rest, for processEvento one at a time in
 * this order. An event not returned is decided, here or by a concurrent run meanwhile: nothing to send.
 */
export async function decideBatch(
  deps: Pick<OrquestradorDeps, "db" | "now">,
  eventoIds: readonly string[],
): Promise<string[]> {
  if (eventoIds.length > MAX_BATCH) throw new Error(`no máximo ${MAX_BATCH} eventos por lote`);
  const now = deps.now();
  const found = await getEventoContexts(deps.db, eventoIds, { dia: saoPauloDay(now) });
  const restantes: string[] = [];
  const marcas: { id: string; decisao: Record<string, unknown>; requestId: unknown }[] = [];
  const leadsNoLote = new Set<string>();
  for (const id of eventoIds) {
    const ctx = found.get(id);
    if (!ctx || ctx.evento.processado) {
      // Missing, or decided earlier (a retry): processEvento says so, and sends what that decision left pending.
      restantes.push(id);
      continue;
    }
    const leadId = ctx.evento.leadId;
    if (leadId && leadsNoLote.has(leadId)) {
      restantes.push(id);
      continue;
    }
    if (leadId) leadsNoLote.add(leadId);
    const plan = await planDecision(deps, ctx, now).catch(() => null);
    if (plan?.kind !== "mark") {
      restantes.push(id);
      continue;
    }
    const decisao = { ...plan.decisao, mensagemIds: [], decididoEm: now.toISOString() };
    marcas.push({ id, decisao, requestId: (ctx.evento.metadata as { requestId?: unknown } | null)?.requestId });
  }
  const marcados = await markEventosDecididosIfPending(deps.db, marcas);
  for (const { id, decisao, requestId } of marcas) {
    // Not marked: a concurrent run decided it first, and its decision stands.
    if (!marcados.has(id)) continue;
    const line = { eventoId: id, decisao: decisao.acao, motivo: decisao.motivo, mensagens: 0, lote: marcas.length };
    if (typeof requestId === "string") withRequestId(requestId, () => log.info("orquestrador.decided", line));
    else log.info("orquestrador.decided", line);
  }
  return restantes;
}
