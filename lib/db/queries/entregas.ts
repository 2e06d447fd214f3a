// Portal deliveries. (agency, portal, external id) is the idempotency key: claiming it is the
// first write of the ingestion transaction, so a concurrent duplicate waits for it and then sees it.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { newId } from "@/lib/ids";
import type { Db } from "../client";
import { entregasWebhook, PORTAIS } from "../schema";
import { idSchema } from "./columns";

const claimSchema = z.object({
  imobiliariaId: idSchema,
  portal: z.enum(PORTAIS),
  externalId: z.string().min(1).max(120),
  recebidoEm: z.date(),
  corpo: z.unknown(),
});

/** Inserts the delivery; returns its id, or null when this delivery was already recorded. */
export async function claimDelivery(tx: Db, input: z.input<typeof claimSchema>): Promise<string | null> {
  const data = claimSchema.parse(input);
  const [row] = await tx
    .insert(entregasWebhook)
    .values({ id: newId("ent"), ...data, corpo: data.corpo ?? null, resultado: "aceita", statusHttp: 200 })
    .onConflictDoNothing({ target: [entregasWebhook.imobiliariaId, entregasWebhook.portal, entregasWebhook.externalId] })
    .returning({ id: entregasWebhook.id });
  return row?.id ?? null;
}

export async function setDeliveryLead(tx: Db, id: string, leadId: string, statusHttp: number): Promise<void> {
  await tx.update(entregasWebhook).set({ leadId: idSchema.parse(leadId), statusHttp }).where(eq(entregasWebhook.id, idSchema.parse(id)));
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
