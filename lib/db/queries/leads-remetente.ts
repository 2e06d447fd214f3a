// The leads table as the inbound WhatsApp webhook sees it: which lead wrote us, by E.164 phone.
// Kept apart from leads.ts (the intake's and the dashboard's), as corretores-whatsapp.ts is.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { imobiliarias, leads } from "../schema";
import { telefoneSchema } from "./columns";
import type { Lead } from "./leads";

/**
 * The most recent lead (by arrival) with one of `telefones` whose broker has been told about it: a
 * message about the lead has left for the broker (`mensagens.sent_at`), or it is in a digest. The
 * WhatsApp number is one for every agency, so the phone is looked up in all of them; going through
 * `imobiliarias` lets each agency's (agency, phone, arrival) index answer its part. A lead nobody was
 * told about (a test lead, one still waiting for its alert) is not one we can have talked to.
 */
export async function findLeadAlertadoPorTelefone(db: Db, telefones: string[]): Promise<Lead | null> {
  const phones = z.array(telefoneSchema).max(5).parse(telefones);
  if (phones.length === 0) return null;
  const [row] = await leadAlertadoPorTelefoneQuery(db, phones);
  return row?.lead ?? null;
}

/** The query itself, for the EXPLAIN test (leads-remetente-explain.test.ts). */
export function leadAlertadoPorTelefoneQuery(db: Db, phones: string[]) {
  return db
    .select({ lead: leads })
    .from(imobiliarias)
    .innerJoin(leads, and(eq(leads.imobiliariaId, imobiliarias.id), inArray(leads.telefone, phones)))
    .where(
      sql`${leads.corretorId} is not null and (
        exists (select 1 from mensagens m where m.lead_id = ${leads.id} and m.sent_at is not null)
        or exists (select 1 from eventos e where e.lead_id = ${leads.id} and e.mensagem_agrupada_id is not null)
      )`,
    )
    .orderBy(desc(leads.dataPrimeiroContato), desc(leads.id))
    .limit(1);
}
