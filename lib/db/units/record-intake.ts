// One portal delivery recorded in ONE transaction: the delivery's claim, the lead (new, or the same
// person's earlier one updated), its interação and the detected event. The agent decides what to
// write (decide); this unit owns BEGIN, the claim, the reads, the writes and COMMIT, in as few round
// trips as the driver allows (wire/few-trips-transaction.ts): on node-postgres, BEGIN + claim +
// reads in one, the writes + COMMIT in another (a repeat adds its lead's update in between).
import type { Db } from "../client";
import { claimedDeliveryId, findDelivery, planClaimDelivery, planSetDeliveryLead } from "../queries/entregas";
import { planInsertEvento, type Evento, type NovoEvento } from "../queries/eventos";
import { decodeIntakeContext, planIntakeContext, type IntakeContext } from "../queries/intake-context";
import { planMarkIntegracaoDelivery } from "../queries/integracoes";
import { planInsertInteracao, type NovaInteracao } from "../queries/interacoes";
import type { ListingRef } from "../queries/imoveis";
import {
  lockPerson,
  planInsertLeadFromPortal,
  recordRepeatInquiry,
  type Lead,
  type PortalLead,
  type RepeatInquiry,
} from "../queries/leads";
import type { Portal } from "../schema";
import { composeWrites } from "../wire/compose-writes";
import type { BoundStatement } from "../wire/compiled-statement";
import { fewTripsTransaction } from "../wire/few-trips-transaction";

/** Which delivery this is, who it is about, and what it names. */
export type IntakeKeys = {
  imobiliariaId: string;
  portal: Portal;
  externalId: string;
  receivedAt: Date;
  /** The raw body, stored with the delivery. */
  corpo: unknown;
  /**
   * The person's contacts (a valid E.164 phone, an e-mail): their earlier lead is matched by them,
   * and they are locked, so two deliveries of one person are recorded one after the other.
   */
  person: { telefone: string | null; email: string | null };
  /** An earlier lead of the person counts from this time on. */
  earlierSince: Date;
  listing: ListingRef;
  /** Aborted once the delivery was answered 503 for taking too long: nothing is committed after that. */
  deadline?: AbortSignal;
};

/** What decide reads: the claimed delivery, what the intake read, and `tx` for a read or turn inside the transaction. */
export type IntakeDecisionContext = IntakeContext & { entregaId: string; tx: Db };

export type IntakeDecision = {
  /** A new lead, or the update of the person's earlier lead (IntakeContext.earlier). */
  lead: { kind: "new"; row: PortalLead } | { kind: "repeat"; update: RepeatInquiry };
  interacao: Omit<NovaInteracao, "leadId">;
  /** The detected event, from the lead as saved (a repeat's row after its update); linked to it and its broker here. */
  evento: (lead: Lead) => Omit<NovoEvento, "imobiliariaId" | "leadId" | "corretorId">;
};

export type RecordIntakeResult =
  | { kind: "new" | "repeat"; lead: Lead; evento: Evento }
  /** The delivery was recorded before: nothing was written; `leadId` is the lead it became. */
  | { kind: "duplicate"; leadId: string };

class DuplicateDelivery extends Error {}

function throwIfPastDeadline(deadline: AbortSignal | undefined): void {
  if (deadline?.aborted) throw new Error("prazo da entrega esgotado: respondida 503, nada registrado");
}

export async function recordIntake(
  db: Db,
  keys: IntakeKeys,
  decide: (context: IntakeDecisionContext) => IntakeDecision | Promise<IntakeDecision>,
): Promise<RecordIntakeResult> {
  try {
    // The person lock rides on the claim (a repeated delivery never takes it), and the reads after
    // it in the same trip are statements of their own, so they see what its holder committed.
    const claim = planClaimDelivery(
      {
        imobiliariaId: keys.imobiliariaId,
        portal: keys.portal,
        externalId: keys.externalId,
        recebidoEm: keys.receivedAt,
        corpo: keys.corpo,
      },
      lockPerson(keys.imobiliariaId, [keys.person.telefone, keys.person.email]),
    );
    const reads = planIntakeContext(keys.imobiliariaId, { ...keys.person, since: keys.earlierSince }, keys.listing);
    throwIfPastDeadline(keys.deadline);
    return await fewTripsTransaction(db, [claim, reads], async ({ tx, commitWith }, [claimed, context]) => {
      const entregaId = claimedDeliveryId(claimed!);
      if (!entregaId) throw new DuplicateDelivery();
      const read = decodeIntakeContext(context!);
      const decision = await decide({ ...read, entregaId, tx });
      const { lead, writes } = await saveLead(tx, decision, read.earlier);
      const evento = planInsertEvento({
        ...decision.evento(lead),
        imobiliariaId: keys.imobiliariaId,
        corretorId: lead.corretorId,
        leadId: lead.id,
      });
      writes.push(
        evento.write,
        planMarkIntegracaoDelivery(keys.imobiliariaId, keys.portal, keys.receivedAt),
        planSetDeliveryLead(entregaId, lead.id, decision.lead.kind === "new" ? 201 : 200),
      );
      // Past the deadline the portal was answered 503 and will deliver again: roll back rather than
      // record a 2xx it never got (a commit already on its way is corrected after, by the caller).
      throwIfPastDeadline(keys.deadline);
      // Every write in ONE statement sent with COMMIT: the broker's open-lead counter row is locked for one round trip.
      await commitWith([composeWrites(writes)]);
      return { kind: decision.lead.kind, lead, evento: evento.row };
    });
  } catch (err) {
    if (!(err instanceof DuplicateDelivery)) throw err;
    const earlier = await findDelivery(db, keys.imobiliariaId, keys.portal, keys.externalId);
    if (!earlier?.leadId) throw new Error("entrega duplicada sem lead registrado");
    return { kind: "duplicate", leadId: earlier.leadId };
  }
}

async function saveLead(
  tx: Db,
  decision: IntakeDecision,
  earlier: Lead | null,
): Promise<{ lead: Lead; writes: BoundStatement[] }> {
  if (decision.lead.kind === "repeat") {
    if (!earlier) throw new Error("recordIntake: uma nova consulta precisa do lead anterior da pessoa");
    const lead = await recordRepeatInquiry(tx, earlier, decision.lead.update);
    return { lead, writes: [planInsertInteracao({ ...decision.interacao, leadId: lead.id })] };
  }
  const planned = planInsertLeadFromPortal(decision.lead.row);
  return {
    lead: planned.row,
    writes: [planned.write, planInsertInteracao({ ...decision.interacao, leadId: planned.row.id })],
  };
}
