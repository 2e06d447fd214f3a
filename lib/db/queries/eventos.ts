// Detected events. A new row starts `processado = false`: that flag is the pipeline's to-do list,
// which the runner's sweep reads after a crash.
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { newId } from "@/lib/ids";
import type { Db } from "../client";
import { EVENTO_TIPOS, eventos, URGENCIAS } from "../schema";
import { idSchema } from "./columns";

export type Evento = typeof eventos.$inferSelect;

const novoEventoSchema = z.object({
  imobiliariaId: idSchema,
  tipo: z.enum(EVENTO_TIPOS),
  urgencia: z.enum(URGENCIAS),
  corretorId: idSchema.nullish(),
  leadId: idSchema.nullish(),
  titulo: z.string().min(1).max(500),
  descricao: z.string().max(10_000),
  acaoRecomendada: z.string().max(2_000),
  dataDeteccao: z.date(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export async function insertEvento(tx: Db, input: z.input<typeof novoEventoSchema>): Promise<Evento> {
  const data = novoEventoSchema.parse(input);
  const [row] = await tx
    .insert(eventos)
    .values({ id: newId("evt", data.dataDeteccao.getTime()), ...data, processado: false })
    .returning();
  return row!;
}

export async function getEventoById(db: Db, imobiliariaId: string, id: string): Promise<Evento | null> {
  const [row] = await db
    .select()
    .from(eventos)
    .where(and(eq(eventos.imobiliariaId, idSchema.parse(imobiliariaId)), eq(eventos.id, idSchema.parse(id))));
  return row ?? null;
}

export async function listEventosByLead(db: Db, imobiliariaId: string, leadId: string): Promise<Evento[]> {
  return db
    .select()
    .from(eventos)
    .where(and(eq(eventos.imobiliariaId, idSchema.parse(imobiliariaId)), eq(eventos.leadId, idSchema.parse(leadId))))
    .orderBy(asc(eventos.dataDeteccao), asc(eventos.id));
}
