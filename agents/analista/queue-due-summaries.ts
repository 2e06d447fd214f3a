// The seed's analysis cycle (scheduler → Analista → Conselheiro): for each active broker whose daily
// or weekly summary is due and has no row yet, load the figures, write the pt-BR message and insert
// it `pendente` under its idempotency key. The sender then claims and sends it like any other row,
// so a second runner, a restart or a second cron tick finds the key taken and sends nothing twice.
// Summaries spend no quota slot (they are where the quota's held alerts go) but respect a pause.
import { templateWriter, type ComposedMessage, type MessageWriter } from "@/agents/conselheiro/compose/templates";
import type { Db } from "@/lib/db/client";
import { listCorretoresAtivos, type CorretorAtivo } from "@/lib/db/queries/corretores-ativos";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { listChavesExistentes } from "@/lib/db/queries/mensagens-resumo";
import { forEachLimited } from "@/lib/async/for-each-limited";
import { log } from "@/lib/log";
import { loadDailySummaryData } from "./daily-summary-data";
import { dailySummaryDue, weeklySummaryDue, type DailyDue, type WeeklyDue } from "./summary-schedule";
import { loadWeeklySummaryData } from "./weekly-summary-data";

const CONCURRENCIA = 4;

export type SummaryCycleDeps = { db: Db; now: () => Date; writer?: MessageWriter };

export type TipoResumo = "resumo" | "resumo_semanal";
export type QueuedSummary = { mensagemId: string; corretorId: string; tipo: TipoResumo };
export type SummaryCycleResult = {
  /** Rows this call created: send each one. */
  enfileirados: QueuedSummary[];
  /** Keys with nothing to report (skipped; stays so for the day/week, so callers may remember them). */
  vazios: string[];
  falhas: number;
};

type Devido = { ativo: CorretorAtivo } & (
  { tipo: "resumo"; due: DailyDue } | { tipo: "resumo_semanal"; due: WeeklyDue }
);

function devidos(ativos: CorretorAtivo[], now: Date): Devido[] {
  return ativos.flatMap((ativo): Devido[] => {
    const { corretor, imobiliaria } = ativo;
    const { resumoDiarioHora, resumoSemanalHora } = imobiliaria.configuracoes;
    const diario = dailySummaryDue(corretor.id, corretor.preferencias, now, imobiliaria.timezone, resumoDiarioHora);
    const semanal = weeklySummaryDue(corretor.id, corretor.preferencias, now, imobiliaria.timezone, resumoSemanalHora);
    return [
      ...(diario ? [{ ativo, tipo: "resumo" as const, due: diario }] : []),
      ...(semanal ? [{ ativo, tipo: "resumo_semanal" as const, due: semanal }] : []),
    ];
  });
}

/** The message for one due summary, or null when there is nothing to report. */
async function compose(deps: SummaryCycleDeps, d: Devido, now: Date): Promise<ComposedMessage | null> {
  const { corretor, imobiliaria } = d.ativo;
  const writer = deps.writer ?? templateWriter;
  if (d.tipo === "resumo") {
    const data = await loadDailySummaryData(deps.db, {
      corretor,
      imobiliaria,
      now,
      periodo: d.due.periodo,
      pendentes: d.due.pendentes,
    });
    return data.vazio ? null : writer.resumoDiario(data);
  }
  const data = await loadWeeklySummaryData(deps.db, { corretor, imobiliaria, semana: d.due.periodo });
  return data.vazio ? null : writer.resumoSemanal(data);
}

export async function queueDueSummaries(
  deps: SummaryCycleDeps,
  opts: { ignorar?: ReadonlySet<string> } = {},
): Promise<SummaryCycleResult> {
  const now = deps.now();
  const result: SummaryCycleResult = { enfileirados: [], vazios: [], falhas: 0 };
  const candidatos = devidos(await listCorretoresAtivos(deps.db), now).filter((d) => !opts.ignorar?.has(d.due.chave));
  if (candidatos.length === 0) return result;
  const existentes = await listChavesExistentes(
    deps.db,
    candidatos.map((d) => d.due.chave),
  );

  // A few brokers at a time: each summary is a handful of small reads, so overlapping their round
  // trips halves the cycle at 2,000 brokers (docs/performance.md, `summaries`).
  await forEachLimited(
    candidatos.filter((c) => !existentes.has(c.due.chave)),
    CONCURRENCIA,
    async (d) => {
      const { corretor, imobiliaria } = d.ativo;
      try {
        const composed = await compose(deps, d, now);
        if (!composed) {
          result.vazios.push(d.due.chave);
          return;
        }
        const { mensagem, criada } = await insertMensagemOnce(deps.db, {
          imobiliariaId: imobiliaria.id,
          corretorId: corretor.id,
          tipo: d.tipo,
          destino: corretor.telefone,
          ...composed,
          status: "pendente",
          idempotencyKey: d.due.chave,
          criadoEm: now,
        });
        // Not created: another runner wrote it a moment ago and sends it itself.
        if (criada) result.enfileirados.push({ mensagemId: mensagem.id, corretorId: corretor.id, tipo: d.tipo });
      } catch (err) {
        // One broker's failure must not hold back everyone else's summary; the next tick retries it.
        result.falhas++;
        log.error("analista.summary_failed", { chave: d.due.chave, error: String(err) });
      }
    },
  );
  if (result.enfileirados.length || result.falhas) {
    log.info("analista.summary_cycle", {
      enfileirados: result.enfileirados.length,
      vazios: result.vazios.length,
      falhas: result.falhas,
    });
  }
  return result;
}
