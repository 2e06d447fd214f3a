// Every active broker of every agency, with the agency fields the summaries need. The one
// cross-agency read of `corretores`: the summary scheduler serves all agencies from one cron.
import { asc, eq, sql } from "drizzle-orm";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import type { Db } from "../client";
import { corretores, imobiliarias } from "../schema";
import { toCorretor, type Corretor } from "./corretores";
import type { Imobiliaria } from "./imobiliarias";

export type CorretorAtivo = {
  corretor: Corretor;
  imobiliaria: Pick<Imobiliaria, "id" | "nome" | "timezone" | "configuracoes">;
};

/** Active brokers (the seed's `ativo` defaults to true, so null counts as active) with their agency. */
export async function listCorretoresAtivos(db: Db): Promise<CorretorAtivo[]> {
  const rows = await db
    .select({
      corretor: corretores,
      imobiliaria: {
        id: imobiliarias.id,
        nome: imobiliarias.nome,
        timezone: imobiliarias.timezone,
        configuracoes: imobiliarias.configuracoes,
      },
    })
    .from(corretores)
    .innerJoin(imobiliarias, eq(imobiliarias.id, corretores.imobiliariaId))
    .where(sql`${corretores.ativo} is not false`)
    .orderBy(asc(corretores.id));
  return rows.map((r) => ({
    corretor: toCorretor(r.corretor),
    imobiliaria: { ...r.imobiliaria, configuracoes: parseConfiguracoes(r.imobiliaria.configuracoes) },
  }));
}
