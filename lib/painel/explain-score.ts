// The lead's score as the sum of its factors (LGPD art. 20: the person may ask why), read from
// `leads.metadata.score.fatores`, which the Vigilante writes so they add up. When the stored factors do
// not reach `leads.score` (a lead scored before factors were kept, or a later inquiry that scored lower
// and left the higher score), the gap is one factor of its own, named, so the list still adds up.
import { z } from "zod";
import type { Lead } from "@/lib/db/queries/leads";

export type FatorExplicado = { key: string; points: number; explicacao: string };

const fatoresSchema = z.array(
  z.object({ key: z.string().optional(), points: z.number().int(), explicacao: z.string().min(1) }),
);

export function explainScore(lead: Pick<Lead, "score" | "metadata">): FatorExplicado[] {
  const raw = (lead.metadata as { score?: { fatores?: unknown } } | null)?.score?.fatores;
  const parsed = fatoresSchema.safeParse(raw);
  const fatores = parsed.success
    ? parsed.data.map((f, i) => ({ key: f.key ?? `fator_${i}`, points: f.points, explicacao: semPontos(f) }))
    : [];
  const score = lead.score ?? 0;
  const soma = fatores.reduce((total, f) => total + f.points, 0);
  if (soma === score) return fatores;
  const diferenca = score - soma;
  return [
    ...fatores,
    {
      key: "registro_anterior",
      points: diferenca,
      explicacao:
        fatores.length === 0
          ? `Pontuação registrada sem o detalhe dos fatores (${sinal(diferenca)}).`
          : `Diferença para a pontuação registrada, de uma consulta anterior deste lead (${sinal(diferenca)}).`,
    },
  ];
}

/** The Vigilante ends each sentence with its points (": +15", for the WhatsApp alert); the page shows them in a column. */
function semPontos(f: { points: number; explicacao: string }): string {
  const m = /^(.*\S):\s*([+−-])(\d+)$/.exec(f.explicacao);
  if (!m) return f.explicacao;
  const valor = (m[2] === "+" ? 1 : -1) * Number(m[3]);
  return valor === f.points ? `${m[1]}.` : f.explicacao;
}

const sinal = (n: number) => (n >= 0 ? `+${n}` : `${n}`);
