// The agency's optional monthly cap on the model's estimated cost (/configuracoes): past it, the
// rules engine writes and reads for that agency until the next local month. Read at most once a
// minute per agency and process: a few calls past the cap cost cents; a query per call would not.
import type { Db } from "@/lib/db/client";
import { getImobiliariaByIdCached } from "@/lib/db/queries/imobiliarias";
import { listUsoLlm } from "@/lib/db/queries/uso-llm";
import { localDayOf } from "@/lib/time/local-day";
import { custoEstimadoUsd } from "./pricing";

const MEMO_MS = 60_000;

/** Month-to-date estimated cost (US$) of the agency's model use, in its local month. */
export async function custoDoMesUsd(db: Db, imobiliariaId: string, now: Date, timezone?: string): Promise<number> {
  const hoje = localDayOf(now, timezone);
  const inicio = `${hoje.slice(0, 7)}-01`;
  const rows = await listUsoLlm(db, imobiliariaId, inicio, "9999-12-31");
  return rows.reduce((sum, r) => sum + custoEstimadoUsd(r), 0);
}

export function monthlyCap(db: Db, now: () => Date) {
  const memo = new Map<string, { ate: number; permitido: boolean }>();
  return async (imobiliariaId: string | null): Promise<boolean> => {
    if (!imobiliariaId) return true;
    const t = now().getTime();
    const cached = memo.get(imobiliariaId);
    if (cached && cached.ate > t) return cached.permitido;
    const imobiliaria = await getImobiliariaByIdCached(db, imobiliariaId);
    const limite = imobiliaria?.configuracoes.limiteMensalIaUsd ?? null;
    const permitido =
      limite === null || (await custoDoMesUsd(db, imobiliariaId, now(), imobiliaria?.timezone)) < limite;
    memo.set(imobiliariaId, { ate: t + MEMO_MS, permitido });
    return permitido;
  };
}
