// Hot-path statements that drizzle builds ONCE. Building a query is most of what a query costs our
// Node process (measured on the intake: drizzle's builders and SQL rendering were ~30% of its
// CPU), and the intake's statements have a fixed shape, so each is rendered once with drizzle
// placeholders and later runs with new values. Drizzle still writes the SQL and each value goes
// through its column's encoder, so the statement is the one its builder makes.
import { getTableColumns, is, Param, Placeholder, sql, type SQL, type Table } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { executeText } from "../execute-rows";
import * as schema from "../schema";

type Rendered = { sql: string; params: unknown[] };
type Filler = (values: Record<string, unknown>) => unknown;
type Renderable = { toSQL(): Rendered } | SQL;

/** Names a placeholder; the statement's values are keyed by these names. */
export type PlaceholderOf<V> = (name: keyof V & string) => Placeholder;

// Renders SQL only; it has no connection, so nothing built on it can run by mistake.
const renderer = drizzle.mock({ schema }) as unknown as Db;
const dialect = new PgDialect();

export class CompiledStatement<V extends Record<string, unknown>> {
  private rendered: { sql: string; fillers: Filler[] } | undefined;

  constructor(
    /** Unique among compiled statements: statements composed together are cached under their keys. */
    readonly key: string,
    private readonly build: (db: Db, p: PlaceholderOf<V>) => Renderable,
  ) {}

  /** The SQL text, with $1…$n for the values. */
  get text(): string {
    return this.render().sql;
  }

  /** The statement with these values, ready to run (runBound, or composeWrites with others). */
  bind(values: V): BoundStatement {
    const params = this.render().fillers.map((fill) => fill(values));
    return { statement: this, params };
  }

  private render(): { sql: string; fillers: Filler[] } {
    if (!this.rendered) {
      const built = this.build(renderer, (name) => sql.placeholder(name));
      const rendered = "toSQL" in built ? built.toSQL() : dialect.sqlToQuery(built);
      const numbered = new Set([...rendered.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
      // composeWrites renumbers $n; that is only safe when every $ in the text is one of our params.
      if (
        rendered.sql.includes("$$") ||
        numbered.size !== rendered.params.length ||
        (rendered.params.length > 0 && !numbered.has(rendered.params.length))
      ) {
        throw new Error(`CompiledStatement ${this.key}: o SQL não tem exatamente $1…$${rendered.params.length}`);
      }
      this.rendered = { sql: rendered.sql, fillers: rendered.params.map((p) => fillerOf(this.key, p)) };
    }
    return this.rendered;
  }
}

// Like drizzle's fillPlaceholders, except that null stays SQL NULL (its encoders would turn a null
// jsonb into the JSON text 'null') and a missing value is an error, never a silent default.
function fillerOf(key: string, param: unknown): Filler {
  const placeholder = is(param, Placeholder)
    ? param
    : is(param, Param) && is(param.value, Placeholder)
      ? param.value
      : null;
  if (!placeholder) return () => param;
  const encode = is(param, Param) ? (v: unknown) => param.encoder.mapToDriverValue(v) : (v: unknown) => v;
  const name = placeholder.name;
  return (values) => {
    if (!(name in values) || values[name] === undefined)
      throw new Error(`CompiledStatement ${key}: falta o valor de "${name}"`);
    const value = values[name];
    return value === null ? null : encode(value);
  };
}

/** `insert into <table> (<columns>) values (…)`, one placeholder per column, named as the column's key. */
export function compiledInsert<T extends Table, K extends keyof T["$inferInsert"] & string>(
  key: string,
  table: T,
  columns: readonly K[],
) {
  const known = getTableColumns(table);
  for (const column of columns)
    if (!(column in known)) throw new Error(`compiledInsert ${key}: coluna desconhecida ${column}`);
  return insertOf<Required<Pick<T["$inferInsert"], K>>>(key, table, columns);
}

/** An insert of a whole row (every column, as `$inferSelect` has them), for rows built in full by their module. */
export function compiledRowInsert<T extends Table>(key: string, table: T) {
  return insertOf<T["$inferSelect"]>(key, table, Object.keys(getTableColumns(table)));
}

function insertOf<V extends Record<string, unknown>>(key: string, table: Table, columns: readonly string[]) {
  return new CompiledStatement<V>(key, (db, p) =>
    db.insert(table as never).values(Object.fromEntries(columns.map((c) => [c, p(c as never)])) as never),
  );
}

/** A value or a placeholder. */
export type Arg<T> = T | Placeholder;

/**
 * `value` (or a placeholder) bound as `column`'s parameter, so it goes through the column's encoder
 * either way: a bare placeholder in a condition would reach the driver unencoded (a Date as local time).
 */
export function asParam(column: { mapToDriverValue(value: unknown): unknown }, value: Arg<unknown>): Param {
  return new Param(value, column);
}

export type BoundStatement = { statement: { readonly key: string; readonly text: string }; params: unknown[] };

/** Runs one bound statement; the rows as the driver returns them (column names as keys). */
export async function runBound<T extends Record<string, unknown>>(db: Db, bound: BoundStatement): Promise<T[]> {
  return executeText<T>(db, bound.statement.text, bound.params);
}
