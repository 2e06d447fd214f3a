// A broker's notification preferences (`corretores.preferencias`). Defaults follow the seed:
// MAX_MENSAGENS_DIA = 5, working hours 08:00–20:00.
import { z } from "zod";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM");
// The end of a shift may also be 24:00 (midnight), so a whole day can be written as 00:00–24:00.
const hhmmFim = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "use HH:MM (até 24:00)");

/** How a broker's warm leads are grouped: one digest per window, or sooner when it reaches its size. */
export const agrupamentoSchema = z
  .object({
    janelaMinutos: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    tamanhoMaximo: z.number().int().min(2).max(50),
  })
  .default({ janelaMinutos: 30, tamanhoMaximo: 5 });

export const preferenciasSchema = z.object({
  limiteDiario: z.number().int().min(1).max(50).default(5),
  horario: z
    .object({ inicio: hhmm, fim: hhmmFim })
    .refine((h) => h.inicio < h.fim, "o início do expediente deve ser antes do fim")
    .default({ inicio: "08:00", fim: "20:00" }),
  dias: z.array(z.number().int().min(0).max(6)).min(1).default([1, 2, 3, 4, 5, 6]), // 0 = domingo, as in Date#getDay
  agrupamento: agrupamentoSchema,
  /** `respeitar`: nothing outside hours; `urgente_pode_quebrar`: hot leads may still be sent. */
  silencio: z.enum(["respeitar", "urgente_pode_quebrar"]).default("respeitar"),
  pausadoAte: z.iso.datetime().nullable().default(null),
});

export type Preferencias = z.infer<typeof preferenciasSchema>;
export type PreferenciasInput = z.input<typeof preferenciasSchema>;

export function parsePreferencias(value: unknown): Preferencias {
  return preferenciasSchema.parse(value ?? {});
}
