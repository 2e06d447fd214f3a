// /metricas' "Uso da IA": the model's calls, failures, tokens and estimated cost in the period, per task.
import { addDays, format } from "date-fns";
import type { Db } from "@/lib/db/client";
import { listUsoLlm } from "@/lib/db/queries/uso-llm";
import { custoEstimadoUsd, precoConhecido } from "@/lib/llm/pricing";

export const TAREFA_ROTULO: Record<string, string> = {
  analise: "Leitura de conversas",
  mensagem: "Mensagens aos corretores",
  rascunho: "Rascunhos de resposta",
};

export type UsoIaLinha = { tarefa: string; chamadas: number; falhas: number; tokens: number; custoUsd: number };
export type UsoIa = { linhas: UsoIaLinha[]; total: UsoIaLinha; modelos: string[]; estimado: boolean };

/** The agency's use over local days `de`..`ate` (both included, `yyyy-MM-dd`). */
export async function loadUsoIa(db: Db, imobiliariaId: string, de: string, ate: string): Promise<UsoIa> {
  const depois = format(addDays(new Date(`${ate}T12:00:00Z`), 1), "yyyy-MM-dd");
  const rows = await listUsoLlm(db, imobiliariaId, de, depois);
  const porTarefa = new Map<string, UsoIaLinha>();
  for (const r of rows) {
    const l = porTarefa.get(r.tarefa) ?? { tarefa: r.tarefa, chamadas: 0, falhas: 0, tokens: 0, custoUsd: 0 };
    l.chamadas += r.chamadas;
    l.falhas += r.falhas;
    l.tokens += r.tokensEntrada + r.tokensSaida;
    l.custoUsd += custoEstimadoUsd(r);
    porTarefa.set(r.tarefa, l);
  }
  const linhas = [...porTarefa.values()].sort((a, b) => a.tarefa.localeCompare(b.tarefa));
  const total = linhas.reduce(
    (t, l) => ({
      tarefa: "total",
      chamadas: t.chamadas + l.chamadas,
      falhas: t.falhas + l.falhas,
      tokens: t.tokens + l.tokens,
      custoUsd: t.custoUsd + l.custoUsd,
    }),
    { tarefa: "total", chamadas: 0, falhas: 0, tokens: 0, custoUsd: 0 },
  );
  const modelos = [...new Set(rows.map((r) => r.modelo))].sort();
  return { linhas, total, modelos, estimado: modelos.some((m) => !precoConhecido(m)) };
}
