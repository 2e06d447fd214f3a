// zod schemas for column values that several tables share, so every query module validates them alike,
// and the owner condition built from them.
import { eq, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { E164_PATTERN } from "@/lib/phone/e164";

/** The seed's VARCHAR(50) ids (`newId(prefix)` makes them). */
export const idSchema = z.string().trim().min(1, "id vazio").max(50, "id com mais de 50 caracteres");

/** Phones are stored in E.164 (what WhatsApp needs); normalise before calling a query. */
export const telefoneSchema = z
  .string()
  .trim()
  .regex(E164_PATTERN, "telefone deve estar em E.164, ex.: +5511999990000");

/** Emails are stored lower-cased so the same person is found whatever the portal's casing. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("e-mail inválido").max(200));

export const nomeSchema = z.string().trim().min(1, "nome vazio").max(200, "nome com mais de 200 caracteres");

export const ufSchema = z.string().regex(/^[A-Z]{2}$/, "UF deve ter 2 letras maiúsculas, ex.: SP");

/**
 * Whose rows about some leads a cancellation takes: one broker's (the lead is passed on, closed or
 * lost) or anyone's in the agency (the person opted out or asked to be erased).
 */
export type AlvoDosLeads = { leadIds: string[] } & ({ corretorId: string } | { imobiliariaId: string });

/** The condition that keeps a table's rows to the owner `alvo` names: its broker, or its whole agency. */
export function ownerFilter(alvo: AlvoDosLeads, table: { corretorId: AnyColumn; imobiliariaId: AnyColumn }): SQL {
  return "corretorId" in alvo
    ? eq(table.corretorId, idSchema.parse(alvo.corretorId))
    : eq(table.imobiliariaId, idSchema.parse(alvo.imobiliariaId));
}

export const leadIdsSchema = z.array(idSchema).max(5_000);
