// The Orquestrador's decision on one event, recorded once: `processado = true` and the decision in
// `metadata.decisao` (its other keys kept). A decision that writes a message row takes the event's
// row lock first, so two deciders of one event run one after the other; on node-postgres BEGIN rides
// with the lock and COMMIT with the decision: 3 round trips with the agent's own write between them.
// A decision that writes nothing else is one statement, no transaction.
import type { Db } from "../client";
import {
  getEventoForPipeline,
  lockedEvento,
  markEventoDecididoIfPending,
  planLockEventoForDecision,
  planMarkEventoDecidido,
  type Evento,
} from "../queries/eventos";
import { fewTripsTransaction } from "../wire/few-trips-transaction";

export type RecordDecisionResult<T> =
  | { kind: "decided"; value: T }
  /** A concurrent run decided first: nothing was written; the event as it recorded it (null if it is gone). */
  | { kind: "already_decided"; evento: Evento | null }
  | { kind: "missing" };

/**
 * Locks the event; unless it is already decided, runs `write` inside the transaction (the message
 * row, the quota) and records the decision it returns with COMMIT. `write` throwing rolls all back.
 */
export async function recordDecision<T>(
  db: Db,
  eventoId: string,
  write: (tx: Db, evento: Evento) => Promise<{ decisao: Record<string, unknown>; value: T }>,
): Promise<RecordDecisionResult<T>> {
  return fewTripsTransaction(db, [planLockEventoForDecision(eventoId)], async ({ tx, commitWith }, [lockRows]) => {
    const locked = lockedEvento(lockRows!);
    if (!locked) return { kind: "missing" };
    if (locked.processado) return { kind: "already_decided", evento: locked };
    const { decisao, value } = await write(tx, locked);
    await commitWith([planMarkEventoDecidido(locked.id, decisao)]);
    return { kind: "decided", value };
  });
}

/** A decision with nothing else to write: one statement; a concurrent run's earlier decision wins. */
export async function recordDecisionOnly(
  db: Db,
  eventoId: string,
  decisao: Record<string, unknown>,
): Promise<RecordDecisionResult<void>> {
  if (await markEventoDecididoIfPending(db, eventoId, decisao)) return { kind: "decided", value: undefined };
  return { kind: "already_decided", evento: await getEventoForPipeline(db, eventoId) };
}
