// The pipeline's analysis step: read what people wrote about a lead (or, for the sweep, about any
// lead) and not yet analysed, and write each result once. Runs after the webhook's answer, never in it.
import type { Db } from "@/lib/db/client";
import { listInteracoesAAnalisar, saveAnaliseInteracao } from "@/lib/db/queries/interacoes";
import { analiseSchema, rulesAnalyzer, type ConversationAnalyzer } from "./conversation-analyzer";

export type AnalyzeDeps = { db: Db; now: () => Date; analyzer?: ConversationAnalyzer };

const ORIGEM = {
  mensagem_portal: "portal",
  nova_consulta: "portal",
  resposta_whatsapp: "whatsapp",
  nota: "nota",
} as const;

export async function analyzeInteracoes(
  deps: AnalyzeDeps,
  options: { leadId?: string; limit?: number } = {},
): Promise<{ lidas: number; gravadas: number }> {
  const analyzer = deps.analyzer ?? rulesAnalyzer;
  const pendentes = await listInteracoesAAnalisar(deps.db, options);
  let gravadas = 0;
  const falhas: unknown[] = [];
  for (const i of pendentes) {
    const origem = ORIGEM[i.tipo as keyof typeof ORIGEM] ?? "portal";
    try {
      // A model's answer is checked like any input: only the closed labels reach the row.
      const analise = analiseSchema.parse(
        await analyzer.analyze({ texto: i.conteudo ?? "", origem, imobiliariaId: i.imobiliariaId }),
      );
      const gravou = await saveAnaliseInteracao(deps.db, {
        id: i.id,
        analise,
        sentimento: analise.sentimento,
        em: deps.now(),
      });
      if (gravou) gravadas += 1;
    } catch (err) {
      // One unreadable row must not hold back the lead's others; the step still fails, so it is retried.
      falhas.push(err);
    }
  }
  if (falhas.length > 0) throw falhas[0];
  return { lidas: pendentes.length, gravadas };
}
