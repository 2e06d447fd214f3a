// Answers "should this instance take traffic, and is the pipeline keeping up?" for /api/health/ready:
// the liveness pings (lib/health.ts), which parts are configured, and the pipeline's backlog. Only the
// pings decide `ok` (a load balancer must not drop an instance because the queue is long); a long
// backlog or an old undecided event is a warning, with the seed's thresholds.
import type { DbDriver, KvDriver, PipelineMode } from "@/lib/env";
import { checkHealth, type CheckHealthOptions, type HealthReport, type Pingable } from "@/lib/health";

/** The seed's alerts: "Fila de eventos > 1000: WARNING", "Latência > 5min: WARNING". */
export const BACKLOG_WARNING = 1_000;
export const OLDEST_EVENT_WARNING_MS = 5 * 60_000;

export type PipelineRunner = "inngest" | PipelineMode;

export type ReadinessDeps = {
  db: Pingable<DbDriver> & { backlog(): Promise<{ pendentes: number; maisAntigo: Date | null }> };
  kv: Pingable<KvDriver>;
  twilioConfigured: boolean;
  runner: PipelineRunner;
  llmConfigured: boolean;
  now: () => Date;
};

export type ReadinessReport = HealthReport & {
  whatsapp: "twilio" | "caixa_de_saida";
  ia: "modelo" | "regras";
  pipeline: {
    executor: PipelineRunner;
    /** Null when the database could not be asked. */
    pendentes: number | null;
    maisAntigoEm: string | null;
    atrasoSegundos: number | null;
  };
  avisos: string[];
};

const RUNNER_LABELS: Record<PipelineRunner, string> = {
  inngest: "Inngest",
  embutido: "no processo web",
  worker: "npm run worker",
};

export async function checkReadiness(deps: ReadinessDeps, options: CheckHealthOptions = {}): Promise<ReadinessReport> {
  const [health, backlog] = await Promise.all([
    checkHealth({ db: deps.db, kv: deps.kv }, options),
    deps.db.backlog().catch(() => null),
  ]);
  const now = deps.now();
  const atrasoMs = backlog?.maisAntigo ? Math.max(0, now.getTime() - backlog.maisAntigo.getTime()) : null;
  const avisos: string[] = [];
  if (backlog && backlog.pendentes > BACKLOG_WARNING) {
    avisos.push(
      `${backlog.pendentes.toLocaleString("pt-BR")} eventos aguardam decisão (acima de ${BACKLOG_WARNING.toLocaleString("pt-BR")}); o pipeline (${RUNNER_LABELS[deps.runner]}) não está dando conta.`,
    );
  }
  if (atrasoMs !== null && atrasoMs > OLDEST_EVENT_WARNING_MS) {
    avisos.push(
      `O evento mais antigo sem decisão espera há ${Math.floor(atrasoMs / 60_000)} min (limite de 5 min); verifique o pipeline (${RUNNER_LABELS[deps.runner]}).`,
    );
  }
  return {
    ...health,
    whatsapp: deps.twilioConfigured ? "twilio" : "caixa_de_saida",
    ia: deps.llmConfigured ? "modelo" : "regras",
    pipeline: {
      executor: deps.runner,
      pendentes: backlog?.pendentes ?? null,
      maisAntigoEm: backlog?.maisAntigo?.toISOString() ?? null,
      atrasoSegundos: atrasoMs === null ? null : Math.floor(atrasoMs / 1000),
    },
    avisos,
  };
}
