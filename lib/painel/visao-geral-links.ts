// Where each overview card leads: the list, filtered to exactly the rows the card counts
// (painel-visao-geral.test.ts opens each link's filters and compares the counts).
export const VISAO_GERAL_LINKS = {
  leads: "/leads",
  leadsQuentes: "/leads?quentes=1",
  leadsSemContato: "/leads?semContato=1",
  mensagens: "/mensagens",
  mensagensNaCaixa: "/mensagens?status=outbox",
  mensagensComProblema: "/mensagens?status=com_problema",
  corretoresAtivos: "/corretores",
} as const;

/** A link's query as the page's searchParams object. */
export function searchParamsOf(href: string): Record<string, string> {
  return Object.fromEntries(new URL(href, "http://x").searchParams);
}

/** The overview's "Leads recebidos" card of a period: /leads filtered to the same São Paulo days. */
export function leadsDoPeriodoHref(periodo: { de: string; ate: string }): string {
  return `/leads?de=${periodo.de}&ate=${periodo.ate}`;
}
