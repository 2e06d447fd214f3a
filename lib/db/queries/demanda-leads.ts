// Read-only input of the DemandAggregator: what the broker's leads of a period asked for (leads.busca).
import { and, eq, gte, isNotNull, lt } from "drizzle-orm";
import type { Db } from "../client";
import { leads, type Busca } from "../schema";
import { idSchema } from "./columns";

type Janela = { corretorId: string; desde: Date; ate: Date };

/** `busca` of every lead the broker holds that reached us in [desde, ate) and said what it wants. */
export async function listBuscasRecebidas(db: Db, j: Janela): Promise<Busca[]> {
  const rows = await db
    .select({ busca: leads.busca })
    .from(leads)
    .where(
      and(
        eq(leads.corretorId, idSchema.parse(j.corretorId)),
        gte(leads.dataPrimeiroContato, j.desde),
        lt(leads.dataPrimeiroContato, j.ate),
        isNotNull(leads.busca),
      ),
    );
  return rows.flatMap((r) => (r.busca ? [r.busca] : []));
}
