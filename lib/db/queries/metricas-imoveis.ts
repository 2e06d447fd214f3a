// The stock side of "demanda × estoque": the agency's active listings (a broker's own, for a broker),
// each with how many of the period's leads asked about it.
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { idSchema } from "./columns";
import { checkPeriodo, type MetricasPeriodo, type MetricasScope } from "./metricas-leads";

export type ImovelEstoque = {
  id: string;
  codigo: string;
  titulo: string | null;
  bairro: string | null;
  tipo: string;
  finalidade: "venda" | "aluguel";
  preco: number | null;
  consultas: number;
};

export function estoqueQuery(scope: MetricasScope, periodo: MetricasPeriodo) {
  const p = checkPeriodo(periodo);
  const corretor = scope.corretorId ? sql`and i.corretor_id = ${idSchema.parse(scope.corretorId)}` : sql``;
  return sql`
    select i.id, i.codigo, i.titulo, i.bairro, i.tipo, i.finalidade, i.preco::float8 as preco,
      coalesce(c.consultas, 0)::int as consultas
    from imoveis i
    left join (
      select imovel_id, count(*) as consultas from leads
      where imobiliaria_id = ${idSchema.parse(scope.imobiliariaId)} and imovel_id is not null
        and data_primeiro_contato >= ${p.desde.toISOString()}::timestamp
        and data_primeiro_contato < ${p.ate.toISOString()}::timestamp
      group by imovel_id
    ) c on c.imovel_id = i.id
    where i.imobiliaria_id = ${idSchema.parse(scope.imobiliariaId)} and i.ativo ${corretor}
    order by i.codigo`;
}

export async function listEstoqueComConsultas(
  db: Db,
  scope: MetricasScope,
  periodo: MetricasPeriodo,
): Promise<ImovelEstoque[]> {
  return executeRows<ImovelEstoque>(db, estoqueQuery(scope, periodo));
}
