// What an intake reads before writing, in ONE statement: the person's earlier lead, the listing,
// and the agency's brokers with their open-lead counts. Each part is its owner module's own query
// (leads.ts, imoveis.ts, corretores.ts), sent as a subquery that comes back as JSON; the JSON is
// decoded by the same column mappers drizzle uses, so the rows are the ones those modules return.
import { getTableColumns, sql, type SQL, type Table } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { corretores, imoveis, leads } from "../schema";
import { corretoresComCargaQuery, toCorretor, type CorretorComCarga } from "./corretores";
import { imovelForLeadQuery, type Imovel, type ListingRef } from "./imoveis";
import { recentLeadByContactQuery, type ContactSince, type Lead } from "./leads";

export type IntakeContext = { earlier: Lead | null; imovel: Imovel | null; corretores: CorretorComCarga[] };

type JsonRow = Record<string, unknown>;

/** A row of `table` as row_to_json wrote it (column names as keys), mapped as drizzle maps a result row. */
function decodeRow<T extends Table>(table: T, json: JsonRow): T["$inferSelect"] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T["$inferSelect"];
}

const oneAsJson = (query: { getSQL(): SQL } | null) =>
  query ? sql`(select row_to_json(q) from (${query.getSQL()}) as q)` : sql`null::json`;

export async function readIntakeContext(
  tx: Db,
  imobiliariaId: string,
  person: ContactSince,
  listing: ListingRef,
): Promise<IntakeContext> {
  const brokers = corretoresComCargaQuery(tx, imobiliariaId).getSQL();
  const [row] = await executeRows<{ earlier: JsonRow | null; imovel: JsonRow | null; corretores: { c: JsonRow; abertos: number }[] }>(
    tx,
    sql`select ${oneAsJson(recentLeadByContactQuery(tx, imobiliariaId, person))} as earlier,
      ${oneAsJson(imovelForLeadQuery(tx, imobiliariaId, listing))} as imovel,
      (select coalesce(json_agg(json_build_object('c', row_to_json(q), 'abertos', q.leads_abertos) order by q.nome, q.id), '[]'::json)
        from (${brokers}) as q) as corretores`,
  );
  return {
    earlier: row?.earlier ? decodeRow(leads, row.earlier) : null,
    imovel: row?.imovel ? decodeRow(imoveis, row.imovel) : null,
    corretores: (row?.corretores ?? []).map(({ c, abertos }) => ({ ...toCorretor(decodeRow(corretores, c)), leadsAbertos: abertos ?? 0 })),
  };
}
