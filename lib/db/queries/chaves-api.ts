// The agency API keys' rows (lib/auth/api-key.ts owns the secrets: it hashes, this module stores).
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { chavesApi, ESCOPOS_API } from "../schema";
import { idSchema } from "./columns";

export type ChaveApi = typeof chavesApi.$inferSelect;

const novaChaveSchema = z.object({
  id: idSchema,
  imobiliariaId: idSchema,
  nome: z.string().trim().min(1).max(80),
  prefixo: z.string().min(4).max(16),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  escopos: z.array(z.enum(ESCOPOS_API)).min(1),
  criadaPor: idSchema.nullable(),
  criadaEm: z.date(),
});

export async function insertChaveApi(db: Db, input: z.input<typeof novaChaveSchema>): Promise<ChaveApi> {
  const [row] = await db.insert(chavesApi).values(novaChaveSchema.parse(input)).returning();
  return row!;
}

/** The live (not revoked) key with this hash, whatever the agency: the key says which agency it is. */
export async function findChaveApiAtiva(db: Db, hash: string): Promise<ChaveApi | null> {
  const [row] = await db
    .select()
    .from(chavesApi)
    .where(
      and(
        eq(
          chavesApi.hash,
          z
            .string()
            .regex(/^[0-9a-f]{64}$/)
            .parse(hash),
        ),
        isNull(chavesApi.revogadaEm),
      ),
    );
  return row ?? null;
}

export async function touchChaveApi(db: Db, id: string, em: Date): Promise<void> {
  await db
    .update(chavesApi)
    .set({ ultimoUsoEm: em })
    .where(eq(chavesApi.id, idSchema.parse(id)));
}

export async function listChavesApi(db: Db, imobiliariaId: string): Promise<ChaveApi[]> {
  return db
    .select()
    .from(chavesApi)
    .where(eq(chavesApi.imobiliariaId, idSchema.parse(imobiliariaId)))
    .orderBy(desc(chavesApi.criadaEm), desc(chavesApi.id));
}

/** Revokes one of the agency's live keys; false when it is not theirs or already revoked. */
export async function revokeChaveApi(db: Db, imobiliariaId: string, id: string, em: Date): Promise<boolean> {
  const rows = await db
    .update(chavesApi)
    .set({ revogadaEm: em })
    .where(
      and(
        eq(chavesApi.id, idSchema.parse(id)),
        eq(chavesApi.imobiliariaId, idSchema.parse(imobiliariaId)),
        isNull(chavesApi.revogadaEm),
      ),
    )
    .returning({ id: chavesApi.id });
  return rows.length > 0;
}
