// What an operator's incident is called and says, in pt-BR: the banner, /operacao and the admins'
// WhatsApp (agents/vigilante/operacao/textos.ts) read it. Figures only: an incident has no personal data.
import type { IncidenteTipo, Severidade } from "@/lib/db/schema";

export const INCIDENTE_TITULO: Record<IncidenteTipo, string> = {
  latencia: "Processamento atrasado (mais de 5 min)",
  taxa_de_erro: "Taxa de erro acima de 5%",
  redis_fora: "Redis fora do ar",
  backlog: "Fila de eventos acima de 1.000",
};

export const SEVERIDADE_ROTULO: Record<Severidade, string> = { warning: "Atenção", critical: "Crítico" };

export type IncidenteTexto = { tipo: IncidenteTipo; severidade: Severidade; detalhes: Record<string, unknown> };

const num = (v: unknown) => (typeof v === "number" ? v.toLocaleString("pt-BR") : "?");

/** One sentence with the figures that opened (or closed) it. */
export function descreverIncidente(inc: IncidenteTexto): string {
  const d = inc.detalhes;
  switch (inc.tipo) {
    case "latencia":
      return `O evento mais antigo sem decisão espera há ${num(d.atrasoMinutos)} min (limite: 5 min).`;
    case "backlog":
      return `${num(d.pendentes)} eventos aguardam decisão (limite: 1.000).`;
    case "taxa_de_erro":
      return `${num(d.taxaPercentual)}% de falhas nos últimos 15 min: ${num(d.falhas)} de ${num(d.tentativas)} envios de WhatsApp e entregas de portal (limite: 5%).`;
    case "redis_fora":
      return "O Redis não responde; o Postgres continua registrando tudo.";
  }
}
