// The dashboard's URL filters, validated before any of them reaches a query. A value that does not
// fit is dropped (the page shows everything), never an error: a hand-edited or truncated link must
// not give a 500, and a NUL or an odd byte must not reach Postgres (it refuses them in text).
import { z } from "zod";
import { MENSAGEM_STATUS } from "@/lib/db/schema";

export type RawSearchParams = Record<string, string | string[] | undefined>;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** An optional URL value: the first one if repeated, undefined when it does not fit `schema`. */
export function optionalParam<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess(first, schema.optional().catch(undefined));
}

/** A row id as the app makes them (`cor_01JD…`, `lead_…`): letters, digits, "_" and "-", up to 50. */
export const idParam = optionalParam(
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,50}$/),
);

/** /mensagens?corretor=<id>&status=<status> */
export const mensagensFiltrosSchema = z.object({
  corretor: idParam,
  status: optionalParam(z.enum(MENSAGEM_STATUS)),
});

export type MensagensFiltros = z.infer<typeof mensagensFiltrosSchema>;

/** The filters of /mensagens from its search params; whatever does not fit is left out. */
export function parseMensagensFiltros(raw: RawSearchParams): MensagensFiltros {
  return mensagensFiltrosSchema.parse(raw);
}
