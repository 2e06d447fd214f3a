// The one place that writes many rows at once (demo seed, imports, benchmarks): multi-row INSERTs
// sized so no statement passes Postgres's bind-parameter limit, whatever the table's width.
// It writes the statement text itself and runs it through the drizzle session: drizzle's insert
// builder spends several microseconds per value, which at 100k leads costs more than Postgres does.
import { getTableColumns, is, SQL, type InferInsertModel } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client";

/** Postgres counts bind parameters in a 16-bit field: 65,535 per statement at most. */
export const MAX_BIND_PARAMETERS = 65_535;
export const DEFAULT_BATCH_SIZE = 1000;

export type InsertInBatchesOptions = {
  /** Rows per INSERT; lowered automatically when rows × columns would pass the parameter limit. */
  batchSize?: number;
  /** Called after each INSERT with the rows written so far and the total. */
  onBatch?: (inserted: number, total: number) => void;
};

/** The largest batch a table allows: each row binds at most one parameter per column. */
export function maxBatchSize(table: PgTable): number {
  const columns = Object.keys(getTableColumns(table)).length;
  return Math.max(1, Math.floor(MAX_BIND_PARAMETERS / Math.max(1, columns)));
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function qualifiedName(table: PgTable): string {
  const { name, schema } = getTableConfig(table);
  return schema ? `${quote(schema)}.${quote(name)}` : quote(name);
}

type Column = { key: string; column: PgColumn };

// drizzle fills an omitted value from `$defaultFn`, or from `$onUpdateFn` when there is no default.
const generated = (c: PgColumn) => c.defaultFn ?? (c.default === undefined ? c.onUpdateFn : undefined);

/**
 * Same semantics as `db.insert(table).values(rows)`: an undefined value takes `$defaultFn` (or
 * `$onUpdateFn`) or the column's DEFAULT, null is NULL, anything else goes through the column's
 * driver mapping. Columns no row sets are left out, which is the same as DEFAULT.
 */
function buildInsert(target: string, columns: Column[], rows: readonly Record<string, unknown>[]) {
  const used = columns.filter(({ key, column }) => generated(column) || rows.some((r) => r[key] !== undefined));
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const slots: string[] = [];
    for (const { key, column } of used) {
      let value = row[key];
      if (value === undefined) value = generated(column)?.();
      if (is(value, SQL)) throw new Error(`insertInBatches: valor SQL na coluna ${column.name} não é suportado`);
      if (value === undefined) {
        slots.push("DEFAULT");
        continue;
      }
      params.push(value === null ? null : column.mapToDriverValue(value));
      slots.push(`$${params.length}`);
    }
    tuples.push(`(${slots.join(",")})`);
  }
  const names = used.map(({ column }) => quote(column.name)).join(",");
  return { sql: `INSERT INTO ${target} (${names}) VALUES ${tuples.join(",")}`, params };
}

/**
 * Inserts `rows` in order, `batchSize` per statement. Not a transaction by itself: pass a
 * transaction (`tx`) as `db` when the rows must land all or nothing. Returns the rows inserted.
 */
export async function insertInBatches<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly InferInsertModel<T>[],
  options: InsertInBatchesOptions = {},
): Promise<number> {
  const requested = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(requested) || requested < 1) throw new Error(`batchSize inválido: ${requested}`);
  const size = Math.min(requested, maxBatchSize(table));
  const target = qualifiedName(table);
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, column: column as PgColumn }));
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size) as readonly Record<string, unknown>[];
    const query = buildInsert(target, columns, batch);
    // The session is the handle's or, inside db.transaction(), the transaction's own.
    await db._.session.prepareQuery(query, undefined, undefined, false).execute();
    options.onBatch?.(Math.min(start + size, rows.length), rows.length);
  }
  return rows.length;
}
