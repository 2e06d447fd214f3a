// A row of a table as the driver returned it for raw SQL (column names as keys: a compiled
// statement's rows, or row_to_json's), mapped as drizzle maps its own result rows.
import { getTableColumns, type Column, type Table } from "drizzle-orm";

const columnsOf = new WeakMap<Table, [string, Column][]>();

export function decodeRow<T extends Table>(table: T, raw: Record<string, unknown>): T["$inferSelect"] {
  let columns = columnsOf.get(table);
  if (!columns) columnsOf.set(table, (columns = Object.entries(getTableColumns(table))));
  const row: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T["$inferSelect"];
}
