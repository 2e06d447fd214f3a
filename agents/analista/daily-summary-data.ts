// The figures of one broker's day, in the agency's timezone, as the daily summary shows them: leads
// received (by temperature), those still without contact, visit requests, alerts the quota held.
import { TZDate } from "@date-fns/tz";
import type { LeadLinha, ResumoDiarioInput } from "@/agents/conselheiro/templates";
import type { Db } from "@/lib/db/client";
import type { Corretor } from "@/lib/db/queries/corretores";
import type { Imobiliaria } from "@/lib/db/queries/imobiliarias";
import type { Lead } from "@/lib/db/queries/leads";
import { countVisitasSolicitadas, listLeadsRecebidos, listLeadsRetidos } from "@/lib/db/queries/resumo-diario";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";

export type DailySummaryData = ResumoDiarioInput & {
  /** Visit requests among the day's leads (the template does not show them yet; the dashboard may). */
  visitas: number;
  /** The local day's bounds, [desde, ate). */
  desde: Date;
  ate: Date;
};

export type DailySummaryInput = {
  corretor: Pick<Corretor, "id" | "nome" | "preferencias">;
  imobiliaria: Pick<Imobiliaria, "nome" | "timezone" | "configuracoes">;
  now: Date;
};

/** Midnight to midnight of the local day containing `at` (23 or 25 hours on a DST change). */
export function localDayBounds(at: Date, timezone: string): { desde: Date; ate: Date } {
  const local = new TZDate(at.getTime(), timezone);
  const desde = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 0, 0, 0, timezone);
  const ate = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 0, timezone);
  return { desde: new Date(desde.getTime()), ate: new Date(ate.getTime()) };
}

const toLinha = (lead: Lead): LeadLinha => ({
  id: lead.id, nome: lead.nome, origem: lead.origem, score: lead.score ?? 0, telefone: lead.telefone,
});

export async function loadDailySummaryData(db: Db, input: DailySummaryInput): Promise<DailySummaryData> {
  const { corretor, imobiliaria, now } = input;
  const { desde, ate } = localDayBounds(now, imobiliaria.timezone);
  const janela = { corretorId: corretor.id, desde, ate };
  // One after another: `db` may be a transaction, whose single connection takes one query at a time.
  const recebidos = await listLeadsRecebidos(db, janela);
  const retidos = await listLeadsRetidos(db, janela);
  const visitas = await countVisitasSolicitadas(db, janela);
  const { scoreQuente, scoreMorno } = parseConfiguracoes(imobiliaria.configuracoes);
  const score = (l: Lead) => l.score ?? 0;
  const retidoIds = new Set(retidos.map((l) => l.id));
  return {
    dia: now,
    timezone: imobiliaria.timezone,
    contagem: {
      novos: recebidos.length,
      quentes: recebidos.filter((l) => score(l) >= scoreQuente).length,
      mornos: recebidos.filter((l) => score(l) >= scoreMorno && score(l) < scoreQuente).length,
      frios: recebidos.filter((l) => score(l) < scoreMorno).length,
      contatados: recebidos.filter((l) => l.status !== "novo").length,
    },
    semContato: recebidos.filter((l) => l.status === "novo" && !retidoIds.has(l.id)).map(toLinha),
    // A held alert whose lead the broker already reached needs no mention.
    retidos: retidos.filter((l) => l.status === "novo").map(toLinha),
    limiteDiario: corretor.preferencias.limiteDiario,
    remetente: { corretorNome: corretor.nome, imobiliariaNome: imobiliaria.nome },
    visitas,
    desde,
    ate,
  };
}
