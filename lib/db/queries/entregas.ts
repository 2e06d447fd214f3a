// Portal deliveries. (agency, portal, external id) is the idempotency key: claiming it is the
// first write of the ingestion transaction, so a concurrent duplicate waits for it and then sees it.
import { and, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import { newId } from "@/lib/ids";
import type { Db } from "../client";
import { CompiledStatement, type BoundStatement } from "../wire/compiled-statement";
import { entregasWebhook, PORTAIS, type Portal } from "../schema";
import { idSchema } from "./columns";
import { personLockSql, type PersonLock } from "./leads";

const claimSchema = z.object({
  imobiliariaId: idSchema,
  portal: z.enum(PORTAIS),
  externalId: z.string().min(1).max(120),
  recebidoEm: z.date(),
  corpo: z.unknown(),
});

/**
 * The delivery's insert, planned: it claims the delivery, or finds it already recorded (see
 * claimedDeliveryId). `thenLock` (from lockPerson) is taken in the same statement, only when the
 * claim succeeds.
 */
export function planClaimDelivery(input: z.input<typeof claimSchema>, thenLock?: PersonLock | null): BoundStatement {
  const data = claimSchema.parse(input);
  const keys = thenLock?.keys ?? [];
  const values: ClaimValues = { id: newId("ent"), ...data, corpo: data.corpo ?? null };
  keys.forEach((key, i) => (values[`lock${i}`] = key));
  return claimStatement(keys.length).bind(values);
}

/** The claimed delivery's id from planClaimDelivery's rows, or null when it was already recorded. */
export function claimedDeliveryId(rows: Record<string, unknown>[]): string | null {
  const id = rows[0]?.id;
  return typeof id === "string" ? id : null;
}

type ClaimValues = {
  id: string;
  imobiliariaId: string;
  portal: string;
  externalId: string;
  recebidoEm: Date;
  corpo: unknown;
  [lock: `lock${number}`]: string;
};

// One statement per number of person-lock keys (phone, e-mail: at most two).
const claimStatements = new Map<number, CompiledStatement<ClaimValues>>();
function claimStatement(lockKeys: number): CompiledStatement<ClaimValues> {
  let statement = claimStatements.get(lockKeys);
  if (!statement) {
    statement = new CompiledStatement<ClaimValues>(`entregas.claim.${lockKeys}`, (db, p) => {
      const locks = Array.from({ length: lockKeys }, (_, i) => p(`lock${i}`));
      return db
        .insert(entregasWebhook)
        .values({
          id: p("id"),
          imobiliariaId: p("imobiliariaId"),
          portal: p("portal"),
          externalId: p("externalId"),
          recebidoEm: p("recebidoEm"),
          corpo: p("corpo"),
          resultado: "aceita",
          statusHttp: 200,
        })
        .onConflictDoNothing({
          target: [entregasWebhook.imobiliariaId, entregasWebhook.portal, entregasWebhook.externalId],
        })
        .returning({ id: entregasWebhook.id, ...(locks.length > 0 ? { locked: personLockSql(locks) } : {}) });
    });
    claimStatements.set(lockKeys, statement);
  }
  return statement;
}

/** Records which lead the delivery became; planned, for composeWrites with the lead's own rows. */
export function planSetDeliveryLead(id: string, leadId: string, statusHttp: 200 | 201): BoundStatement {
  return setLeadStatement.bind({ id: idSchema.parse(id), leadId: idSchema.parse(leadId), statusHttp });
}

const setLeadStatement = new CompiledStatement<{ id: string; leadId: string; statusHttp: number }>(
  "entregas.set_lead",
  (db, p) =>
    // sql`${…}`: update().set() types take no placeholder; id and integer need no encoder.
    db
      .update(entregasWebhook)
      .set({ leadId: sql`${p("leadId")}`, statusHttp: sql`${p("statusHttp")}` })
      .where(eq(entregasWebhook.id, p("id"))),
);

export type DeliveryKey = { imobiliariaId: string; portal: (typeof PORTAIS)[number]; externalId: string };

/** Corrects a recorded delivery's status to what its portal was actually answered (a late commit's 503). */
export async function markDeliveryAnswered(db: Db, key: DeliveryKey, statusHttp: number, erro: string): Promise<void> {
  await db
    .update(entregasWebhook)
    .set({ statusHttp, erro })
    .where(
      and(
        eq(entregasWebhook.imobiliariaId, idSchema.parse(key.imobiliariaId)),
        eq(entregasWebhook.portal, key.portal),
        eq(entregasWebhook.externalId, key.externalId),
      ),
    );
}

export async function findDelivery(
  db: Db,
  imobiliariaId: string,
  portal: (typeof PORTAIS)[number],
  externalId: string,
) {
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

export type EntregasRecentes = { total: number; erros: number; ultimaEm: Date | null };

/**
 * Each portal's deliveries to the agency since `desde`: how many, how many were answered with an
 * error (refused, or a late 503), and the newest. A portal with none is absent.
 */
export async function countEntregasRecentes(
  db: Db,
  imobiliariaId: string,
  desde: Date,
): Promise<Map<Portal, EntregasRecentes>> {
  const rows = await db
    .select({
      portal: entregasWebhook.portal,
      total: sql<number>`count(*)::int`,
      erros: sql<number>`(count(*) filter (where ${entregasWebhook.resultado} = 'rejeitada' or ${entregasWebhook.statusHttp} >= 400))::int`,
      ultimaEm: sql<Date | null>`max(${entregasWebhook.recebidoEm})`.mapWith(entregasWebhook.recebidoEm),
    })
    .from(entregasWebhook)
    .where(
      and(eq(entregasWebhook.imobiliariaId, idSchema.parse(imobiliariaId)), gte(entregasWebhook.recebidoEm, desde)),
    )
    .groupBy(entregasWebhook.portal);
  return new Map(
    rows.map((r) => [r.portal, { total: Number(r.total), erros: Number(r.erros), ultimaEm: r.ultimaEm ?? null }]),
  );
}
