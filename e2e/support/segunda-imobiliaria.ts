// A second, small agency the e2e server creates beside the demo (scripts/lib/seed-segunda-imobiliaria.ts):
// its admin rotates its Grupo OLX credential, so the demo's secret, which the other specs post with,
// is never touched. Test-only values, public on purpose.
export const SEGUNDA_IMOBILIARIA = {
  nome: "Imobiliária Aurora (e2e)",
  slug: "aurora-e2e",
  admin: { nome: "Tereza Aurora", email: "admin@aurora-e2e.test", senha: "Aurora#2026e2e" },
  /** The Grupo OLX secret it starts with: Basic base64("vivareal:" + segredo). */
  segredoGrupoOlx: "aurora-e2e-olx-secret",
} as const;
