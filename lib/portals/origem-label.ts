// How a lead's `origem` code reads to a person.
const LABELS: Record<string, string> = {
  zap: "ZAP Imóveis",
  vivareal: "Viva Real",
  olx: "OLX",
  "olx-mcmv": "OLX (Minha Casa Minha Vida)",
  chavesnamao: "Chaves na Mão",
  imovelweb: "Imovelweb",
  site: "site da imobiliária",
};

/** The portals a lead can come from, for the list's filter: [code, label], in the order above. */
export const ORIGENS: readonly (readonly [string, string])[] = Object.entries(LABELS);

export function origemLabel(origem: string | null | undefined): string {
  if (!origem) return "origem desconhecida";
  return LABELS[origem] ?? origem.charAt(0).toUpperCase() + origem.slice(1);
}
