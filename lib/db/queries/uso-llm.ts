// The `uso_llm` counters: one row per agency, local day, task and model, incremented by each call.
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { usoLlm } from "../schema";
import { idSchema } from "./columns";

const registroSchema = z.object({
  imobiliariaId: idSchema,
  dia: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  tarefa: z.string().min(1).max(20),
  modelo: z.string().min(1).max(100),
  ok: z.boolean(),
  tokensEntrada: z.number().int().min(0),
  tokensSaida: z.number().int().min(0),
});

const somaSchema = registroSchema.omit({ ok: true }).extend({
  chamadas: z.number().int().min(1),
  falhas: z.number().int().min(0),
});

/** Adds one call (and its tokens) to its day's row, in one statement. */
export async function recordUsoLlm(db: Db, input: z.input<typeof registroSchema>): Promise<void> {
  const { ok, ...r } = registroSchema.parse(input);
  await addUsoLlm(db, { ...r, chamadas: 1, falhas: ok ? 0 : 1 });
}

/** Adds several calls of one agency, day, task and model (summed by the caller) to their row, in one statement. */
export async function addUsoLlm(db: Db, input: z.input<typeof somaSchema>): Promise<void> {
  const r = somaSchema.parse(input);
  await db
    .insert(usoLlm)
    .values(r)
    .onConflictDoUpdate({
      target: [usoLlm.imobiliariaId, usoLlm.dia, usoLlm.tarefa, usoLlm.modelo],
      set: {
        chamadas: sql`${usoLlm.chamadas} + ${r.chamadas}`,
        falhas: sql`${usoLlm.falhas} + ${r.falhas}`,
        tokensEntrada: sql`${usoLlm.tokensEntrada} + ${r.tokensEntrada}`,
        tokensSaida: sql`${usoLlm.tokensSaida} + ${r.tokensSaida}`,
      },
    });
}

export type UsoLlmDia = {
  dia: string;
  tarefa: string;
  modelo: string;
  chamadas: number;
  falhas: number;
  tokensEntrada: number;
  tokensSaida: number;
};

/** The agency's rows for local days [desde, ate) (`yyyy-MM-dd`), by day. */
export async function listUsoLlm(db: Db, imobiliariaId: string, desde: string, ate: string): Promise<UsoLlmDia[]> {
  return db
    .select({
      dia: usoLlm.dia,
      tarefa: usoLlm.tarefa,
      modelo: usoLlm.modelo,
      chamadas: usoLlm.chamadas,
      falhas: usoLlm.falhas,
      tokensEntrada: usoLlm.tokensEntrada,
      tokensSaida: usoLlm.tokensSaida,
    })
    .from(usoLlm)
    .where(and(eq(usoLlm.imobiliariaId, idSchema.parse(imobiliariaId)), gte(usoLlm.dia, desde), lt(usoLlm.dia, ate)))
    .orderBy(usoLlm.dia, usoLlm.tarefa);
}
