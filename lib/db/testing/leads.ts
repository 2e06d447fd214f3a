// Leads written directly, as a test's setup: production writes leads only through the intake
// (units/record-intake.ts) and the demo seed's bulk insert.
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { newId } from "@/lib/ids";
import type { Db } from "../client";
import { novoLeadSchema, type Lead, type NovoLead } from "../queries/leads";
import { corretores, imoveis, leads } from "../schema";

// Foreign keys only prove the broker and listing exist; tenancy needs them in the lead's own agency.
async function assertSameAgency(db: Db, lead: z.output<typeof novoLeadSchema>): Promise<void> {
  if (lead.corretorId) {
    const [found] = await db
      .select({ id: corretores.id })
      .from(corretores)
      .where(and(eq(corretores.id, lead.corretorId), eq(corretores.imobiliariaId, lead.imobiliariaId)));
    if (!found)
      throw new Error(`insertLead: corretor ${lead.corretorId} não pertence à imobiliária ${lead.imobiliariaId}`);
  }
  if (lead.imovelId) {
    const [found] = await db
      .select({ id: imoveis.id })
      .from(imoveis)
      .where(and(eq(imoveis.id, lead.imovelId), eq(imoveis.imobiliariaId, lead.imobiliariaId)));
    if (!found) throw new Error(`insertLead: imóvel ${lead.imovelId} não pertence à imobiliária ${lead.imobiliariaId}`);
  }
}

/** Inserts a lead. `dataPrimeiroContato` defaults to now; status to `novo`; score to 0. */
export async function insertLead(db: Db, input: NovoLead): Promise<Lead> {
  const data = novoLeadSchema.parse(input);
  await assertSameAgency(db, data);
  const agora = new Date();
  const [row] = await db
    .insert(leads)
    .values({
      ...data,
      id: data.id ?? newId("lead"),
      dataPrimeiroContato: data.dataPrimeiroContato ?? agora,
      dataUltimaInteracao: data.dataUltimaInteracao ?? data.dataPrimeiroContato ?? agora,
      status: data.status ?? "novo",
    })
    .returning();
  return row!;
}
