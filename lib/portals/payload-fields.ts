// zod building blocks for the portals' raw payloads, with pt-BR messages, so a 422 names the
// sender's own field. Portals get leniency on descriptive fields (a lead is worth more than a tidy row).
import { z } from "zod";
import {
  LEAD_LIMITS, LEAD_TYPES, type Finalidade, type LeadType, type Temperatura,
} from "./normalized-lead";
import { foldText } from "@/lib/text/fold-text";
import { parsePortalDate } from "./parse-portal-date";

const TEXTO = "deve ser texto";
const tooLong = (max: number) => `no máximo ${max} caracteres`;

/** Trimmed text; missing, null or blank → null. */
export const optionalText = (max: number) =>
  z.string({ error: TEXTO }).max(max, tooLong(max)).nullish().transform((v) => v?.trim() || null);

export const requiredText = (max: number) =>
  z.string({ error: TEXTO }).trim().min(1, "obrigatório").max(max, tooLong(max));

/** Portals send ids as strings or numbers (Chaves na Mão's `id` is a number). */
const idValue = z.union(
  [
    z.string().trim().min(1, "obrigatório").max(LEAD_LIMITS.id, tooLong(LEAD_LIMITS.id)),
    z.number().int().nonnegative(),
  ],
  { error: "deve ser texto ou número inteiro" },
);
export const requiredId = idValue.transform(String);
export const optionalId = z
  .union([idValue, z.literal("")], { error: "deve ser texto ou número inteiro" })
  .nullish()
  .transform((v) => (v === "" || v === null || v === undefined ? null : String(v)));

/** Portals validate e-mails themselves; one we cannot read becomes null rather than losing the lead. */
export const lenientEmail = optionalText(LEAD_LIMITS.email).transform((v) => {
  const email = v?.toLowerCase() ?? null;
  return email && z.email().safeParse(email).success ? email : null;
});

/** Our own API is strict: the agency's developer wants to hear about a typo. */
export const strictEmail = optionalText(LEAD_LIMITS.email)
  .transform((v) => v?.toLowerCase() ?? null)
  .pipe(z.email("e-mail inválido").nullable());

export const optionalPrice = z
  .number({ error: "deve ser número" })
  .nonnegative("não pode ser negativo")
  .max(LEAD_LIMITS.preco, "valor alto demais")
  .nullish()
  .transform((v) => v ?? null);

export const optionalDate = z
  .string({ error: "deve ser data em texto (ISO 8601)" })
  .max(40, tooLong(40))
  .nullish()
  .transform((v, ctx) => {
    if (!v?.trim()) return null;
    const date = parsePortalDate(v);
    if (!date) ctx.addIssue({ code: "custom", message: "data inválida; use ISO 8601" });
    return date;
  });


const FINALIDADE_WORDS: Record<string, Finalidade> = {
  sell: "venda", sale: "venda", venda: "venda", compra: "venda", comprar: "venda",
  rent: "aluguel", rental: "aluguel", aluguel: "aluguel", alugar: "aluguel", locacao: "aluguel",
};

/** SELL/RENT (Grupo OLX), "Venda"/"Aluguel" (Chaves na Mão); anything else → null. */
export function toFinalidade(value: string | null | undefined): Finalidade | null {
  return value ? (FINALIDADE_WORDS[foldText(value)] ?? null) : null;
}

const TEMPERATURA_WORDS: Record<string, Temperatura> = { baixa: "Baixa", media: "Média", alta: "Alta" };

export function toTemperatura(value: string | null | undefined): Temperatura | null {
  return value ? (TEMPERATURA_WORDS[foldText(value)] ?? null) : null;
}

/** An unknown lead type is not an error: portals add new ones, and the score has a default. */
export function toLeadType(value: string | null | undefined): LeadType | null {
  const upper = value?.trim().toUpperCase();
  return (LEAD_TYPES as readonly string[]).includes(upper ?? "") ? (upper as LeadType) : null;
}

/** "MG" stays; "mg" → "MG"; "Minas Gerais" or junk → null (the listing's own row has the truth). */
export function toUf(value: string | null | undefined): string | null {
  const uf = value?.trim().toUpperCase();
  return uf && /^[A-Z]{2}$/.test(uf) ? uf : null;
}
