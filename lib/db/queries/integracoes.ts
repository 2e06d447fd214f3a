// Per-agency portal credentials. Secrets go in and out of this module only as plaintext in memory;
// the row holds AES-256-GCM ciphertext (lib/crypto/secrets.ts).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
import { newId } from "@/lib/ids";
import type { Db } from "../client";
import { memoPerDb } from "../memo";
import { integracoes, PORTAIS, type Portal } from "../schema";
import { asParam, CompiledStatement, type BoundStatement } from "../wire/compiled-statement";
import { idSchema } from "./columns";

export type IntegracaoComSegredo = {
  id: string;
  imobiliariaId: string;
  portal: Portal;
  identificador: string | null;
  segredo: string;
};

const portalSchema = z.enum(PORTAIS);

/** The agency's active credential for a portal, decrypted; null when there is none. */
export async function getActiveIntegracao(
  db: Db,
  imobiliariaId: string,
  portal: Portal,
  key?: Buffer,
): Promise<IntegracaoComSegredo | null> {
  const [row] = await db
    .select()
    .from(integracoes)
    .where(
      and(
        eq(integracoes.imobiliariaId, idSchema.parse(imobiliariaId)),
        eq(integracoes.portal, portalSchema.parse(portal)),
        eq(integracoes.ativo, true),
      ),
    );
  if (!row) return null;
  return {
    id: row.id,
    imobiliariaId: row.imobiliariaId,
    portal: row.portal,
    identificador: row.identificador,
    segredo: decryptSecret(row.segredoCifrado, key),
  };
}

// Checked on every delivery; rotated rarely. upsertIntegracao and a rotation clear it in this process;
// another process sees a new secret within 30 s (the portal retries a refused delivery).
const recent = memoPerDb<IntegracaoComSegredo | null>(30_000);

// Under `npm start` the direct lane (registered from instrumentation.ts) and the pages' server
// actions run in one process but load this module twice, each with its own memo: a rotation cleared
// only the action's copy, and the lane kept accepting the old secret. Every copy reads this
// process-wide generation into its keys, so bumping it makes all of them read the row again.
const GENERATION = Symbol.for("lastro.integracoes.generation");
const shared = globalThis as { [GENERATION]?: number };

export const getActiveIntegracaoCached = (db: Db, imobiliariaId: string, portal: Portal) =>
  recent.get(db, `${shared[GENERATION] ?? 0}:${imobiliariaId}:${portal}`, () =>
    getActiveIntegracao(db, imobiliariaId, portal),
  );

function forgetEverywhere(db: Db): void {
  shared[GENERATION] = (shared[GENERATION] ?? 0) + 1;
  recent.clear(db);
}

const upsertSchema = z.object({
  imobiliariaId: idSchema,
  portal: portalSchema,
  identificador: z.string().trim().min(1).max(200).nullish(),
  segredo: z.string().min(8, "segredo curto demais (mínimo 8 caracteres)").max(500),
});

/** Creates or replaces the agency's credential for a portal (one per portal). */
export async function upsertIntegracao(db: Db, input: z.input<typeof upsertSchema>, key?: Buffer): Promise<string> {
  const data = upsertSchema.parse(input);
  const segredoCifrado = encryptSecret(data.segredo, key);
  const [row] = await db
    .insert(integracoes)
    .values({
      id: newId("int"),
      imobiliariaId: data.imobiliariaId,
      portal: data.portal,
      identificador: data.identificador ?? null,
      segredoCifrado,
    })
    .onConflictDoUpdate({
      target: [integracoes.imobiliariaId, integracoes.portal],
      set: { identificador: data.identificador ?? null, segredoCifrado, ativo: true },
    })
    .returning({ id: integracoes.id });
  forgetEverywhere(db);
  return row!.id;
}

/** The agency's credentials as the settings page lists them: never the secret. */
export type IntegracaoResumo = {
  id: string;
  portal: Portal;
  identificador: string | null;
  ativo: boolean;
  ultimaEntregaEm: Date | null;
  criadoEm: Date;
};

export async function listIntegracoes(db: Db, imobiliariaId: string): Promise<IntegracaoResumo[]> {
  return db
    .select({
      id: integracoes.id,
      portal: integracoes.portal,
      identificador: integracoes.identificador,
      ativo: integracoes.ativo,
      ultimaEntregaEm: integracoes.ultimaEntregaEm,
      criadoEm: integracoes.criadoEm,
    })
    .from(integracoes)
    .where(eq(integracoes.imobiliariaId, idSchema.parse(imobiliariaId)))
    .orderBy(asc(integracoes.portal));
}

/**
 * Replaces the secret of the agency's credential `id`, locking the row; null when the agency has no
 * such credential (another agency's id included). The caller's transaction decides when it counts.
 */
export async function replaceIntegracaoSegredo(
  db: Db,
  input: { imobiliariaId: string; id: string; segredo: string },
  key?: Buffer,
): Promise<{ id: string; portal: Portal; identificador: string | null } | null> {
  const segredo = upsertSchema.shape.segredo.parse(input.segredo);
  const [row] = await db
    .update(integracoes)
    .set({ segredoCifrado: encryptSecret(segredo, key), ativo: true })
    .where(
      and(
        eq(integracoes.id, idSchema.parse(input.id)),
        eq(integracoes.imobiliariaId, idSchema.parse(input.imobiliariaId)),
      ),
    )
    .returning({ id: integracoes.id, portal: integracoes.portal, identificador: integracoes.identificador });
  return row ?? null;
}

/** Forgets the remembered credentials, so this process checks the next delivery against the row. */
export function forgetCachedIntegracoes(db: Db): void {
  forgetEverywhere(db);
}

/**
 * `ultima_entrega_em = at` for the agency's credential of this portal, planned: the intake sends it
 * with its other writes (units/record-intake.ts), so it costs no round trip. It skips a row written
 * in the last minute and one another intake holds (SKIP LOCKED): concurrent deliveries never wait
 * for each other on this row, and the time shown is at most a minute behind.
 */
export function planMarkIntegracaoDelivery(imobiliariaId: string, portal: Portal, at: Date): BoundStatement {
  return markDeliveryStatement.bind({
    imobiliariaId: idSchema.parse(imobiliariaId),
    portal: portalSchema.parse(portal),
    at: z.date().parse(at),
  });
}

const markDeliveryStatement = new CompiledStatement<{ imobiliariaId: string; portal: string; at: Date }>(
  "integracoes.mark_delivery",
  (db, p) => {
    const at = () => asParam(integracoes.ultimaEntregaEm, p("at"));
    const due = db
      .select({ id: integracoes.id })
      .from(integracoes)
      .where(
        and(
          eq(integracoes.imobiliariaId, p("imobiliariaId")),
          eq(integracoes.portal, p("portal")),
          sql`(${integracoes.ultimaEntregaEm} is null or ${integracoes.ultimaEntregaEm} < ${at()}::timestamptz - interval '1 minute')`,
        ),
      )
      .for("update", { skipLocked: true });
    // sql`${…}`: update().set() types take no placeholder; the Param still goes through the column's encoder.
    return db
      .update(integracoes)
      .set({ ultimaEntregaEm: sql`${at()}` })
      .where(inArray(integracoes.id, due));
  },
);
