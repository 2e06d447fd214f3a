// The audit trail: who changed what, before → after. Rows hold ids, codes and statuses only, never
// a name, phone, e-mail or message body, so the trail can be kept longer than the personal data.
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { auditoria } from "../schema";
import { idSchema } from "./columns";

export type Auditoria = typeof auditoria.$inferSelect;

// Only scalars: a nested object is where a body or a phone would slip in unnoticed.
const detalheSchema = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

const novaAuditoriaSchema = z.object({
  imobiliariaId: idSchema,
  usuarioId: idSchema,
  acao: z.string().min(1).max(80),
  alvoTipo: z.string().min(1).max(40),
  alvoId: idSchema,
  detalhes: z.record(z.string(), detalheSchema).default({}),
  criadoEm: z.date().optional(),
});
export type NovaAuditoria = z.input<typeof novaAuditoriaSchema>;

export async function insertAuditoria(db: Db, input: NovaAuditoria): Promise<Auditoria> {
  const [row] = await db.insert(auditoria).values(novaAuditoriaSchema.parse(input)).returning();
  return row!;
}

/** What was done to one row of the agency, newest first. */
export async function listAuditoriaDoAlvo(
  db: Db,
  imobiliariaId: string,
  alvo: { tipo: string; id: string },
  limit = 50,
): Promise<Auditoria[]> {
  return db
    .select()
    .from(auditoria)
    .where(
      and(
        eq(auditoria.imobiliariaId, idSchema.parse(imobiliariaId)),
        eq(auditoria.alvoTipo, alvo.tipo),
        eq(auditoria.alvoId, idSchema.parse(alvo.id)),
      ),
    )
    .orderBy(desc(auditoria.criadoEm), desc(auditoria.id))
    .limit(limit);
}
