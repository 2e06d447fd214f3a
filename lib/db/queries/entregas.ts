// Portal deliveries. (agency, portal, external id) is the idempotency key: claiming it is the
// first write of the ingestion transaction, so a concurrent duplicate waits for it and then sees it.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { newId } from "@/lib/ids";
import type { Db } from "../client";
import { entregasWebhook, PORTAIS } from "../schema";
import { idSchema } from "./columns";
import type { PersonLock } from "./leads";
import type { PlannedWrite } from "./write-together";

const claimSchema = z.object({
  imobiliariaId: idSchema,
  portal: z.enum(PORTAIS),
  externalId: z.string().min(1).max(120),
  recebidoEm: z.date(),
  corpo: z.unknown(),
});

/**
 * Inserts the delivery; returns its id, or null when this delivery was already recorded.
 * `thenLock` (from lockPersonSql) is taken in the same round trip, only when the claim succeeds.
 */
export async function claimDelivery(tx: Db, input: z.input<typeof claimSchema>, thenLock?: PersonLock | null): Promise<string | null> {
  const data = claimSchema.parse(input);
  const [row] = await tx
    .insert(entregasWebhook)
    .values({ id: newId("ent"), ...data, corpo: data.corpo ?? null, resultado: "aceita", statusHttp: 200 })
    .onConflictDoNothing({ target: [entregasWebhook.imobiliariaId, entregasWebhook.portal, entregasWebhook.externalId] })
    .returning({ id: entregasWebhook.id, ...(thenLock ? { locked: sql<number>`(${thenLock.sql})` } : {}) });
  return row?.id ?? null;
}

/** Records which lead the delivery became; planned, for writeTogether with the lead's own rows. */
export function planSetDeliveryLead(tx: Db, id: string, leadId: string, statusHttp: 200 | 201): PlannedWrite {
  return tx.update(entregasWebhook).set({ leadId: idSchema.parse(leadId), statusHttp }).where(eq(entregasWebhook.id, idSchema.parse(id)));
}

export async function findDelivery(db: Db, imobiliariaId: string, portal: (typeof PORTAIS)[number], externalId: string) {
  const [row] = await db
    .select({ id: entregasWebhook.id, leadId: entregasWebhook.leadId })
    .from(entregasWebhook)
    .where(
      and(
        eq(entregasWebhook.imobiliariaId, idSchema.parse(imobiliariaId)),
        eq(entregasWebhook.portal, portal),
        eq(entregasWebhook.externalId, externalId),
      ),
    );
  return row ?? null;
}
