// The pt-BR report `npm run db:seed` prints: what was created, the logins and the portal credentials.
import type { SeedSummary } from "@/scripts/demo/seed";

const COUNT_LABELS: Record<keyof SeedSummary["counts"], string> = {
  imobiliarias: "imobiliária(s)",
  corretores: "corretores",
  imoveis: "imóveis",
  usuarios: "usuários",
  leads: "leads",
  interacoes: "interações",
  eventos: "eventos",
  mensagens: "mensagens",
  entregasWebhook: "entregas de webhook",
  integracoes: "integrações",
};

export function printSummary(s: SeedSummary): void {
  const n = new Intl.NumberFormat("pt-BR");
  const seconds = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 1 }).format(s.durationMs / 1000);
  const reference = new Intl.DateTimeFormat("pt-BR", {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "America/Sao_Paulo",
  }).format(new Date(s.now));
  const lines = [
    "",
    `✔ Demonstração criada em ${seconds} s: ${s.nome} (slug "${s.slug}", id ${s.imobiliariaId})`,
    `  Semente ${s.seed}; datas relativas a ${reference} (horário de São Paulo).`,
    "",
    "  Registros:",
    ...Object.entries(s.counts).map(
      ([k, v]) => `    ${n.format(v).padStart(9)}  ${COUNT_LABELS[k as keyof SeedSummary["counts"]]}`,
    ),
    "",
    "  Logins do painel (e-mail / senha):",
    ...s.logins.map((l) => `    ${l.papel.padEnd(9)} ${l.email.padEnd(26)} ${l.senha}`),
    "",
    "  Credenciais dos portais (de demonstração; guardadas cifradas no banco):",
    ...s.integracoes.flatMap((i) => [
      `    ${i.portal.padEnd(14)} ${i.identificador ? `identificador ${i.identificador}, ` : ""}segredo ${i.segredo}`,
      `    ${"".padEnd(14)} ${i.comoAutenticar}`,
    ]),
    "",
    "  Atenção: são credenciais públicas de demonstração. Não use este banco em produção.",
    "",
  ];
  console.log(lines.join("\n"));
}
