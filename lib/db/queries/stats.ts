// Headline counts for the dashboard and the health page, in one round trip.
import { sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { executeRows } from "../execute-rows";
import { corretores, eventos, imoveis, leads, mensagens } from "../schema";
import { idSchema } from "./columns";

export type Overview = { corretores: number; leads: number; eventos: number; imoveis: number; mensagens: number };

/** Row counts of the main tables; with `imobiliariaId`, only that agency's rows. */
export async function countOverview(db: Db, imobiliariaId?: string): Promise<Overview> {
  const agency = imobiliariaId === undefined ? undefined : idSchema.parse(imobiliariaId);
  // `::int` because count() is bigint, which pg returns as a string.
  const count = (table: PgTable, agencyColumn: PgColumn): SQL =>
    agency === undefined
      ? sql`(select count(*)::int from ${table})`
      : sql`(select count(*)::int from ${table} where ${agencyColumn} = ${agency})`;
  const [row] = await executeRows<Overview>(
    db,
    sql`select
      ${count(corretores, corretores.imobiliariaId)} as corretores,
      ${count(leads, leads.imobiliariaId)} as leads,
      ${count(eventos, eventos.imobiliariaId)} as eventos,
      ${count(imoveis, imoveis.imobiliariaId)} as imoveis,
      ${count(mensagens, mensagens.imobiliariaId)} as mensagens`,
  );
  if (!row) throw new Error("countOverview: a consulta não devolveu linha");
  return row;
}
