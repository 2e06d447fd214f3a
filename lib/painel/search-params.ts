// The dashboard's URL filters, validated before any of them reaches a query. A value that does not
// fit is dropped (the page shows everything), never an error: a hand-edited or truncated link must
// not give a 500, and a NUL or an odd byte must not reach Postgres (it refuses them in text).
import { z } from "zod";
import { MENSAGENS_COM_PROBLEMA } from "@/lib/db/queries/painel-visao-geral";
import { MENSAGEM_STATUS, type MensagemStatus } from "@/lib/db/schema";
import { localDayRange } from "@/lib/time/local-day";

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

/** A calendar day from a date input (`2026-12-05`) that exists (not 2026-02-31). */
export const dayParam = optionalParam(z.string().refine((day) => localDayRange(day) !== null));

/** Where a page of a newest-first list stopped: the last row's time (ms) and id, as `1764950400000.msg_01…`. */
export type ListCursor = { at: Date; id: string };

export const cursorParam = optionalParam(
  z
    .string()
    .regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,50}$/)
    .transform((v): ListCursor => {
      const dot = v.indexOf(".");
      return { at: new Date(Number(v.slice(0, dot))), id: v.slice(dot + 1) };
    }),
);

export function formatCursor(cursor: ListCursor): string {
  return `${cursor.at.getTime()}.${cursor.id}`;
}

/** /mensagens' status filter: one status, or `com_problema` (failed or uncertain: the overview's card). */
export const COM_PROBLEMA = "com_problema";

/** The statuses a `status` filter value stands for. */
export function mensagensStatusFiltro(status: MensagemStatus | typeof COM_PROBLEMA): MensagemStatus[] {
  return status === COM_PROBLEMA ? [...MENSAGENS_COM_PROBLEMA] : [status];
}

/** /mensagens?corretor=<id>&status=<status>&de=<dia>&ate=<dia>&antes=<cursor> */
export const mensagensFiltrosSchema = z.object({
  corretor: idParam,
  status: optionalParam(z.enum([...MENSAGEM_STATUS, COM_PROBLEMA])),
  de: dayParam,
  ate: dayParam,
  antes: cursorParam,
});

export type MensagensFiltros = z.infer<typeof mensagensFiltrosSchema>;

/** The filters of /mensagens from its search params; whatever does not fit is left out. */
export function parseMensagensFiltros(raw: RawSearchParams): MensagensFiltros {
  return mensagensFiltrosSchema.parse(raw);
}

/** The lead page's `?historico=tudo`: the whole timeline instead of its newest items. */
export const historicoCompletoParam = optionalParam(z.literal("tudo")).transform((v) => v === "tudo");
