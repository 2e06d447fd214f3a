// The operator's alerts as a pure decision: the minute's measurements and the open incidents in,
// which incidents to open and which to resolve out. The seed's thresholds; the DB glue is
// watch-operacao.ts. A measurement that could not be taken (null) neither opens nor resolves.
import type { IncidenteTipo, Severidade } from "@/lib/db/schema";
import { BACKLOG_WARNING, OLDEST_EVENT_WARNING_MS } from "@/lib/readiness";

/** The error-rate window: the last 15 minutes. */
export const JANELA_ERROS_MS = 15 * 60_000;
/** Above 5 % of the attempts in the window failed: CRITICAL. */
export const TAXA_ERRO_LIMITE = 0.05;
/** Fewer attempts than this in the window never open the incident (1 failure of 2 is not an outage). */
export const VOLUME_MINIMO = 20;

export const SEVERIDADE: Record<IncidenteTipo, Severidade> = {
  latencia: "warning",
  taxa_de_erro: "critical",
  redis_fora: "critical",
  backlog: "warning",
};

export type Medicoes = {
  /** Undecided events and the oldest one's detection; null when the database could not be read. */
  backlog: { pendentes: number; maisAntigo: Date | null } | null;
  /** The last 15 minutes' attempts and failures; null when unread. */
  erros: { envios: number; enviosFalhos: number; entregas: number; entregas5xx: number } | null;
  /** Null when the KV is the in-memory one (nothing to watch); else whether its ping answered. */
  redisOk: boolean | null;
};

export type Detalhes = Record<string, number | string | null>;
export type Abrir = { tipo: IncidenteTipo; severidade: Severidade; detalhes: Detalhes };
export type Resolver = { id: string; tipo: IncidenteTipo; detalhes: Detalhes };
export type Decisao = { abrir: Abrir[]; resolver: Resolver[] };

type Estado = { ativo: boolean; detalhes: Detalhes } | null;

/** The error rate: failed sends plus 5xx deliveries over sends plus deliveries in the window. */
export function taxaDeErro(e: NonNullable<Medicoes["erros"]>) {
  const tentativas = e.envios + e.entregas;
  const falhas = e.enviosFalhos + e.entregas5xx;
  return { tentativas, falhas, taxa: tentativas === 0 ? 0 : falhas / tentativas };
}

function estados(m: Medicoes, now: Date): Record<IncidenteTipo, Estado> {
  const atrasoMs = m.backlog?.maisAntigo ? Math.max(0, now.getTime() - m.backlog.maisAntigo.getTime()) : 0;
  const erro = m.erros ? taxaDeErro(m.erros) : null;
  return {
    latencia: m.backlog
      ? { ativo: atrasoMs > OLDEST_EVENT_WARNING_MS, detalhes: { atrasoMinutos: Math.floor(atrasoMs / 60_000) } }
      : null,
    backlog: m.backlog
      ? { ativo: m.backlog.pendentes > BACKLOG_WARNING, detalhes: { pendentes: m.backlog.pendentes } }
      : null,
    taxa_de_erro: erro
      ? {
          // Opening needs the minimum volume; an open incident stays until the rate is back under the limit.
          ativo: erro.taxa > TAXA_ERRO_LIMITE && erro.tentativas >= VOLUME_MINIMO,
          detalhes: {
            falhas: erro.falhas,
            tentativas: erro.tentativas,
            taxaPercentual: Math.round(erro.taxa * 1000) / 10,
          },
        }
      : null,
    redis_fora: m.redisOk === null ? null : { ativo: !m.redisOk, detalhes: {} },
  };
}

export function decidirAlertas(m: Medicoes, abertos: { id: string; tipo: IncidenteTipo }[], now: Date): Decisao {
  const out: Decisao = { abrir: [], resolver: [] };
  const e = estados(m, now);
  const erro = m.erros ? taxaDeErro(m.erros) : null;
  for (const tipo of Object.keys(SEVERIDADE) as IncidenteTipo[]) {
    const estado = e[tipo];
    if (!estado) continue;
    const aberto = abertos.find((a) => a.tipo === tipo);
    if (aberto) {
      // The error incident holds while the rate stays above the limit, whatever the volume.
      const aindaAtivo = tipo === "taxa_de_erro" ? (erro?.taxa ?? 0) > TAXA_ERRO_LIMITE : estado.ativo;
      if (!aindaAtivo) out.resolver.push({ id: aberto.id, tipo, detalhes: estado.detalhes });
    } else if (estado.ativo) {
      out.abrir.push({ tipo, severidade: SEVERIDADE[tipo], detalhes: estado.detalhes });
    }
  }
  return out;
}
