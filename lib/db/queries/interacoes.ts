// Everything said or done about a lead.
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { compiledInsert, type BoundStatement } from "../wire/compiled-statement";
import { INTERACAO_TIPOS, interacoes } from "../schema";
import { idSchema } from "./columns";

export type Interacao = typeof interacoes.$inferSelect;

const novaInteracaoSchema = z.object({
  leadId: idSchema,
  tipo: z.enum(INTERACAO_TIPOS),
  data: z.date(),
  // A portal delivery's whole message (the lead keeps its first 5,000 characters): bounded by the
  // webhook body limit, 256 KB.
  conteudo: z
    .string()
    .max(256 * 1024)
    .nullish(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export type NovaInteracao = z.input<typeof novaInteracaoSchema>;

/**
 * The lead's interactions, newest first (the lead page's timeline). Callers check the lead's agency
 * and broker first: interações carry no agency of their own.
 */
export async function listInteracoesDoLead(db: Db, leadId: string, limit = 500): Promise<Interacao[]> {
  return db
    .select()
    .from(interacoes)
    .where(eq(interacoes.leadId, idSchema.parse(leadId)))
    .orderBy(desc(interacoes.data), desc(interacoes.id))
    .limit(limit);
}

/** Whether the lead already has an interação of `tipo` by the broker (`metadata.corretorId`). */
export async function hasInteracaoDoCorretor(
  db: Db,
  leadId: string,
  tipo: (typeof INTERACAO_TIPOS)[number],
  corretorId: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: interacoes.id })
    .from(interacoes)
    .where(
      and(
        eq(interacoes.leadId, idSchema.parse(leadId)),
        eq(interacoes.tipo, tipo),
        sql`${interacoes.metadata}->>'corretorId' = ${idSchema.parse(corretorId)}`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertInteracao(tx: Db, input: NovaInteracao): Promise<Interacao> {
  const data = novaInteracaoSchema.parse(input);
  const [row] = await tx.insert(interacoes).values(data).returning();
  return row!;
}

/** The insert, validated but not yet run: for composeWrites on the intake path (units/record-intake.ts). */
export function planInsertInteracao(input: NovaInteracao): BoundStatement {
  const data = novaInteracaoSchema.parse(input);
  return insertStatement.bind({
    leadId: data.leadId,
    tipo: data.tipo,
    data: data.data,
    conteudo: data.conteudo ?? null,
    metadata: data.metadata ?? null,
  });
}

const insertStatement = compiledInsert("interacoes.insert", interacoes, [
  "leadId",
  "tipo",
  "data",
  "conteudo",
  "metadata",
]);
