// What an operator's incident says, in pt-BR: its title (banner, /operacao) and the admins' WhatsApp
// when it opens and when it is resolved. Figures only: an incident carries no personal data.
import type { IncidenteTipo, Severidade } from "@/lib/db/schema";
import { bold } from "@/lib/whatsapp/text/compose";

export const INCIDENTE_TITULO: Record<IncidenteTipo, string> = {
  latencia: "Processamento atrasado (mais de 5 min)",
  taxa_de_erro: "Taxa de erro acima de 5%",
  redis_fora: "Redis fora do ar",
  backlog: "Fila de eventos acima de 1.000",
};

export const SEVERIDADE_ROTULO: Record<Severidade, string> = { warning: "Atenção", critical: "Crítico" };

type IncidenteTexto = { tipo: IncidenteTipo; severidade: Severidade; detalhes: Record<string, unknown> };

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

export function composeIncidenteAberto(inc: IncidenteTexto, nome: string, desde: string): string {
  return [
    `🚨 ${bold(`Lastro — incidente aberto (${SEVERIDADE_ROTULO[inc.severidade]})`)}`,
    `${nome}: ${INCIDENTE_TITULO[inc.tipo]} desde ${desde}.`,
    descreverIncidente(inc),
    "Acompanhe em Operação, no painel.",
  ].join("\n");
}

export function composeIncidenteResolvido(inc: IncidenteTexto, nome: string, desde: string, ate: string): string {
  return [
    `✅ ${bold("Lastro — incidente resolvido")}`,
    `${nome}: ${INCIDENTE_TITULO[inc.tipo]}, aberto em ${desde}, resolvido em ${ate}.`,
  ].join("\n");
}
