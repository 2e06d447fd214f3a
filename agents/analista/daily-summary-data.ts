// The figures of one broker's day(s), in the agency's timezone, as the daily summary shows them:
// leads received in the period (by temperature), those contacted, visit requests; and what is still
// waiting for a first contact: alerts the quota held, visit requests, cold leads, the rest; and what
// today holds: the follow-ups come due and the visits scheduled.
import { TZDate } from "@date-fns/tz";
import type { LeadLinha, ResumoDiarioInput } from "@/agents/conselheiro/compose/templates";
import type { Db } from "@/lib/db/client";
import type { Corretor } from "@/lib/db/queries/corretores";
import type { Imobiliaria } from "@/lib/db/queries/imobiliarias";
import type { Lead } from "@/lib/db/queries/leads";
import {
  countVisitasSolicitadas,
  listLeadIdsComVisitaSolicitada,
  listLeadsRecebidos,
  listLeadsRetidos,
  listLeadsSemContato,
} from "@/lib/db/queries/daily-summary";
import { listFollowUpsDoDia } from "@/lib/db/queries/follow-up";
import { listVisitasDoCorretor } from "@/lib/db/queries/leads-visita";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import type { Periodo } from "./summary-schedule";

export type DailySummaryData = ResumoDiarioInput & {
  /** Nothing received in the period and nothing waiting: the scheduled summary is skipped. */
  vazio: boolean;
};

export type DailySummaryInput = {
  corretor: Pick<Corretor, "id" | "nome" | "preferencias">;
  imobiliaria: Pick<Imobiliaria, "nome" | "timezone" | "configuracoes">;
  now: Date;
  /** Leads counted. Default: the local day of `now` (the "resumo" command). */
  periodo?: Periodo;
  /** Leads still waiting that reached us in this window. Default: `periodo`. */
  pendentes?: Periodo;
};

/** Midnight to midnight of the local day containing `at` (23 or 25 hours on a DST change). */
export function localDayBounds(at: Date, timezone: string): { desde: Date; ate: Date } {
  const local = new TZDate(at.getTime(), timezone);
  const desde = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 0, 0, 0, timezone);
  const ate = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 0, timezone);
  return { desde: new Date(desde.getTime()), ate: new Date(ate.getTime()) };
}

const toLinha = (lead: Lead): LeadLinha => ({
  id: lead.id,
  nome: lead.nome,
  origem: lead.origem,
  score: lead.score ?? 0,
  telefone: lead.telefone,
});

export async function loadDailySummaryData(db: Db, input: DailySummaryInput): Promise<DailySummaryData> {
  const { corretor, imobiliaria, now } = input;
  const periodo = input.periodo ?? localDayBounds(now, imobiliaria.timezone);
  const pendentes = input.pendentes ?? periodo;
  const conta = { corretorId: corretor.id, ...periodo };
  const espera = { corretorId: corretor.id, ...pendentes };
  // One after another: `db` may be a transaction, whose single connection takes one query at a time.
  const recebidos = await listLeadsRecebidos(db, conta);
  const visitasSolicitadas = await countVisitasSolicitadas(db, conta);
  const semContato = await listLeadsSemContato(db, espera);
  const retidosRows = await listLeadsRetidos(db, espera);
  const comVisita = await listLeadIdsComVisitaSolicitada(db, espera);
  // What to do today: the local day of `now`, whatever period the figures cover.
  const hoje = { corretorId: corretor.id, ...localDayBounds(now, imobiliaria.timezone) };
  const followUps = await listFollowUpsDoDia(db, hoje);
  const visitasHoje = await listVisitasDoCorretor(db, hoje);
  const { scoreQuente, scoreMorno } = parseConfiguracoes(imobiliaria.configuracoes);
  const score = (l: Lead) => l.score ?? 0;

  // Each waiting lead is listed once, in the first section it belongs to.
  const retidos = retidosRows.filter((l) => l.status === "novo"); // a held alert whose lead was reached needs no mention
  const retidoIds = new Set(retidos.map((l) => l.id));
  const outros = semContato.filter((l) => !retidoIds.has(l.id));
  const pediramVisita = outros.filter((l) => comVisita.has(l.id));
  const resto = outros.filter((l) => !comVisita.has(l.id));
  const frios = resto.filter((l) => score(l) < scoreMorno);
  const alertados = resto.filter((l) => score(l) >= scoreMorno);

  return {
    periodo,
    timezone: imobiliaria.timezone,
    contagem: {
      novos: recebidos.length,
      quentes: recebidos.filter((l) => score(l) >= scoreQuente).length,
      mornos: recebidos.filter((l) => score(l) >= scoreMorno && score(l) < scoreQuente).length,
      frios: recebidos.filter((l) => score(l) < scoreMorno).length,
      contatados: recebidos.filter((l) => l.status !== "novo").length,
      visitasSolicitadas,
    },
    retidos: retidos.map(toLinha),
    pediramVisita: pediramVisita.map(toLinha),
    frios: frios.map(toLinha),
    semContato: alertados.map(toLinha),
    followUps: followUps.map((f) => ({
      id: f.leadId,
      nome: f.nome,
      origem: f.origem,
      score: f.score,
      telefone: f.telefone,
      proximoPasso: f.acaoRecomendada,
    })),
    visitasHoje: visitasHoje.map((l) => ({ ...toLinha(l), visitaEm: l.visitaEm! })),
    limiteDiario: corretor.preferencias.limiteDiario,
    remetente: { corretorId: corretor.id, corretorNome: corretor.nome, imobiliariaNome: imobiliaria.nome },
    vazio:
      recebidos.length === 0 &&
      visitasSolicitadas === 0 &&
      retidos.length === 0 &&
      outros.length === 0 &&
      followUps.length === 0 &&
      visitasHoje.length === 0,
  };
}
