// What a model may rewrite of a composed message (lib/domain/redacao.ts): its opening lines, from
// the facts given. The rest of the body (our links, lists, the lines a broker acts on) follows the
// model's text as it is. Nothing is offered when the opening is not where the body starts.
import type { Redacao } from "@/lib/domain/redacao";

const FATO_MAX = 120;
const FATOS_MAX = 12;

/**
 * `{ redacao }` for a body whose first `head.length` characters the model may say in its own words;
 * `fatos` must appear unchanged in what it writes (empty ones dropped, each once).
 */
export function redacaoDoInicio(
  tipo: string,
  head: string,
  corpo: string,
  fatos: (string | null | undefined)[],
  contexto: Record<string, string>,
): { redacao?: Redacao } {
  if (!corpo.startsWith(head)) return {};
  const unicos = [...new Set(fatos.filter((f): f is string => Boolean(f?.trim())).map((f) => f.slice(0, FATO_MAX)))];
  return {
    redacao: {
      tipo,
      fatos: unicos.slice(0, FATOS_MAX),
      contexto: Object.fromEntries(Object.entries(contexto).map(([k, v]) => [k, v.slice(0, 600)])),
      rodape: corpo.slice(head.length).trim(),
    },
  };
}
