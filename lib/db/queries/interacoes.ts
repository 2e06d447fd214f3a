// Everything said or done about a lead.
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { compiledInsert, type BoundStatement } from "../wire/compiled-statement";
import { INTERACAO_TIPOS, INTERACAO_TIPOS_ANALISAVEIS, interacoes, leads } from "../schema";
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

/** Whether the lead already has the interação of this Twilio MessageSid (`metadata.messageSid`): a redelivery. */
export async function hasInteracaoDaMensagem(db: Db, leadId: string, messageSid: string): Promise<boolean> {
  const rows = await db
    .select({ id: interacoes.id })
    .from(interacoes)
    .where(
      and(
        eq(interacoes.leadId, idSchema.parse(leadId)),
        sql`${interacoes.metadata}->>'messageSid' = ${z.string().min(1).max(64).parse(messageSid)}`,
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

/** With the lead's agency: a model's usage is counted per agency. */
export type InteracaoAAnalisar = Pick<Interacao, "id" | "leadId" | "tipo" | "conteudo"> & {
  imobiliariaId: string | null;
};

/**
 * What people wrote that the ConversationAnalyzer has not read yet, oldest first: one lead's, or
 * (no leadId) any lead's for the sweep. The partial index idx_interacoes_a_analisar serves both.
 */
export async function listInteracoesAAnalisar(
  db: Db,
  options: { leadId?: string; limit?: number } = {},
): Promise<InteracaoAAnalisar[]> {
  const limit = z
    .number()
    .int()
    .min(1)
    .max(1000)
    .parse(options.limit ?? 200);
  return db
    .select({
      id: interacoes.id,
      leadId: interacoes.leadId,
      tipo: interacoes.tipo,
      conteudo: interacoes.conteudo,
      imobiliariaId: leads.imobiliariaId,
    })
    .from(interacoes)
    .leftJoin(leads, eq(leads.id, interacoes.leadId))
    .where(
      and(
        isNull(interacoes.analisadoEm),
        isNotNull(interacoes.conteudo),
        inArray(interacoes.tipo, [...INTERACAO_TIPOS_ANALISAVEIS]),
        options.leadId === undefined ? undefined : eq(interacoes.leadId, idSchema.parse(options.leadId)),
      ),
    )
    .orderBy(asc(interacoes.id))
    .limit(limit);
}

const analiseGravadaSchema = z.object({
  id: z.number().int().positive(),
  analise: z.record(z.string(), z.unknown()),
  sentimento: z.enum(["positivo", "neutro", "negativo"]),
  em: z.date(),
});

/**
 * Writes an analysis once: a second writer (two runners, a retried step) finds the row already
 * analysed and changes nothing. Returns whether this call wrote it.
 */
export async function saveAnaliseInteracao(db: Db, input: z.input<typeof analiseGravadaSchema>): Promise<boolean> {
  const data = analiseGravadaSchema.parse(input);
  const rows = await db
    .update(interacoes)
    .set({ analise: data.analise, sentimento: data.sentimento, analisadoEm: data.em })
    .where(and(eq(interacoes.id, data.id), isNull(interacoes.analisadoEm)))
    .returning({ id: interacoes.id });
  return rows.length > 0;
}
