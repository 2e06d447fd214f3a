// The one place that writes many rows at once (demo seed, imports, benchmarks).
// A batch goes as `INSERT … SELECT * FROM unnest($1::type[], …)`: one array parameter per column,
// so the bind-parameter limit never applies and Postgres parses one short statement instead of a
// VALUES list with thousands of placeholders (about a third faster here). Batches that unnest
// cannot express fall back to a multi-row VALUES sized under the 65,535-parameter limit.
// Both are written here and run through the drizzle session: drizzle's insert builder spends
// several microseconds per value, which at 100k leads costs more than Postgres does.
import { getTableColumns, is, SQL, type InferInsertModel } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client";

/** Postgres counts bind parameters in a 16-bit field: 65,535 per statement at most. */
export const MAX_BIND_PARAMETERS = 65_535;
export const DEFAULT_BATCH_SIZE = 1000;

export type InsertInBatchesOptions = {
  /** Rows per INSERT. On the VALUES fallback it is lowered to stay under the parameter limit. */
  batchSize?: number;
  /** Called after each INSERT with the rows written so far and the total. */
  onBatch?: (inserted: number, total: number) => void;
};

type Column = { key: string; column: PgColumn };
type Row = Readonly<Record<string, unknown>>;
type Query = { sql: string; params: unknown[] };

/** The largest VALUES batch a table allows: each row binds at most one parameter per column. */
export function maxBatchSize(table: PgTable): number {
  const columns = Object.keys(getTableColumns(table)).length;
  return Math.max(1, Math.floor(MAX_BIND_PARAMETERS / Math.max(1, columns)));
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function qualifiedName(table: PgTable): string {
  const { name, schema } = getTableConfig(table);
  return schema ? `${quote(schema)}.${quote(name)}` : quote(name);
}

// drizzle fills an omitted value from `$defaultFn`, or from `$onUpdateFn` when there is no default.
const generated = (c: PgColumn) => c.defaultFn ?? (c.default === undefined ? c.onUpdateFn : undefined);

/** Same mapping as drizzle's insert: undefined → generated value or DEFAULT (`undefined` here). */
function toDriver({ column }: Column, raw: unknown): unknown {
  const value = raw === undefined ? generated(column)?.() : raw;
  if (is(value, SQL)) throw new Error(`insertInBatches: valor SQL na coluna ${column.name} não é suportado`);
  return value === undefined || value === null ? value : column.mapToDriverValue(value);
}

/**
 * What an omitted value becomes inside unnest, where DEFAULT cannot be written per row: NULL when
 * the column has no default (the same thing), its JS default when it has a plain one. `false`
 * when only the database knows the default (now(), a sequence): that batch uses VALUES.
 */
function unnestFill(c: Column): { value: unknown } | false {
  const { column } = c;
  if (generated(column)) return { value: undefined }; // toDriver generates it per row
  if (!column.hasDefault) return { value: null };
  if (column.default !== undefined && !is(column.default, SQL)) return { value: column.default };
  return false;
}

function buildUnnest(target: string, columns: Column[], rows: readonly Row[]): Query | null {
  const params: unknown[][] = [];
  const names: string[] = [];
  const casts: string[] = [];
  for (const c of columns) {
    const defined = rows.reduce((n, r) => (r[c.key] !== undefined ? n + 1 : n), 0);
    if (defined === 0 && !generated(c.column)) continue; // the column's DEFAULT for every row
    const fill = defined === rows.length ? { value: undefined } : unnestFill(c);
    const type = c.column.getSQLType();
    // Array columns would be flattened by unnest.
    if (fill === false || type.endsWith("]")) return null;
    params.push(
      rows.map(
        (r) =>
          (r[c.key] === undefined && fill.value !== undefined ? toDriver(c, fill.value) : toDriver(c, r[c.key])) ??
          null,
      ),
    );
    names.push(quote(c.column.name));
    casts.push(`$${params.length}::${type === "serial" ? "integer" : type === "bigserial" ? "bigint" : type}[]`);
  }
  if (names.length === 0) return null;
  return { sql: `INSERT INTO ${target} (${names.join(",")}) SELECT * FROM unnest(${casts.join(",")})`, params };
}

function buildValues(target: string, columns: Column[], rows: readonly Row[]): Query {
  const used = columns.filter((c) => generated(c.column) || rows.some((r) => r[c.key] !== undefined));
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const slots = used.map((c) => {
      const value = toDriver(c, row[c.key]);
      if (value === undefined) return "DEFAULT";
      params.push(value);
      return `$${params.length}`;
    });
    return `(${slots.join(",")})`;
  });
  const names = used.map((c) => quote(c.column.name)).join(",");
  return {
    sql: names ? `INSERT INTO ${target} (${names}) VALUES ${tuples.join(",")}` : `INSERT INTO ${target} DEFAULT VALUES`,
    params,
  };
}

async function run(db: Db, query: Query): Promise<void> {
  // The session is the handle's or, inside db.transaction(), the transaction's own.
  await db._.session.prepareQuery(query, undefined, undefined, false).execute();
}

/**
 * Inserts `rows` in order, `batchSize` per statement, with the semantics of
 * `db.insert(table).values(rows)` (undefined → `$defaultFn` or DEFAULT, null → NULL). Not a
 * transaction by itself: pass a transaction (`tx`) as `db` when the rows must land all or nothing.
 * Returns the number of rows inserted.
 */
export async function insertInBatches<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly InferInsertModel<T>[],
  options: InsertInBatchesOptions = {},
): Promise<number> {
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new Error(`batchSize inválido: ${size}`);
  const target = qualifiedName(table);
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, column: column as PgColumn }));
  const valuesSize = Math.min(size, maxBatchSize(table));
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size) as readonly Row[];
    const unnest = buildUnnest(target, columns, batch);
    if (unnest) {
      await run(db, unnest);
    } else {
      for (let i = 0; i < batch.length; i += valuesSize)
        await run(db, buildValues(target, columns, batch.slice(i, i + valuesSize)));
    }
    options.onBatch?.(Math.min(start + size, rows.length), rows.length);
  }
  return rows.length;
}
