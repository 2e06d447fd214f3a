// Several statements in ONE round trip on a node-postgres connection: each one's Parse (once per
// connection, under its named-statements.ts name), Bind, Describe and Execute, then a single Sync,
// written with one syscall. On this VM a round trip costs more CPU than our intake's statements do
// (the socket write and the wake-up of the process on the other end, on both sides), and
// node-postgres otherwise waits for each answer before it sends the next statement.
// Postgres still runs them one after another, each with its own snapshot: a statement after one
// that waited for a lock sees what the lock's holder committed. After an error it skips the rest.
import pg, { type PoolClient } from "pg";
import type { BoundStatement } from "./compiled-statement";
import { statementName } from "./named-statements";

export type Rows = Record<string, unknown>[];

// The wire-level parts of pg's Connection and Result that the submittable drives (not in @types/pg).
type Wire = {
  stream: { cork?: () => void; uncork?: () => void };
  parsedStatements: Record<string, string>;
  parse(msg: { text: string; name?: string; types: unknown[] }): void;
  bind(msg: { statement?: string; values: unknown[]; valueMapper: (value: unknown) => unknown }): void;
  describe(msg: { type: "P"; name: string }): void;
  execute(msg: { portal: string; rows: number }): void;
  sync(): void;
};
type FieldsMessage = { fields: unknown[] };
type PgResult = {
  rows: Rows;
  addFields(fields: unknown[]): void;
  parseRow(fields: unknown[]): unknown;
  addRow(row: unknown): void;
};
type PgInternals = {
  Result: new (rowMode: undefined, types: unknown) => PgResult;
  utils: { prepareValue(value: unknown): unknown };
  types: { builtins: Record<string, number>; getTypeParser(oid: number, format?: string): (value: string) => unknown };
};
const internals = pg as unknown as PgInternals;

// As drizzle's node-postgres session: date and time types stay text, for its column mappers.
const TEXT_TYPES = new Set([1082, 1114, 1184, 1186, 1115, 1182, 1185, 1187, 1231]);
const types = {
  getTypeParser: (oid: number, format?: string) =>
    TEXT_TYPES.has(oid) ? (value: string) => value : internals.types.getTypeParser(oid, format),
};

class StatementsTogether {
  callback: ((err: Error | null, rows?: Rows[]) => void) | undefined;
  /** Names this submission parsed: if it fails, the connection cannot tell which of them exist. */
  parsedHere = 0;
  private readonly results: Rows[] = [];
  private current: PgResult = new internals.Result(undefined, types);
  private error: Error | null = null;

  constructor(private readonly statements: BoundStatement[]) {}

  submit(connection: Wire): void {
    connection.stream.cork?.();
    try {
      for (const { statement, params } of this.statements) {
        const text = statement.text;
        const name = params.length > 0 ? statementName(text) : undefined;
        if (!name || connection.parsedStatements[name] !== text) {
          connection.parse({ text, ...(name ? { name } : {}), types: [] });
          if (name) {
            connection.parsedStatements[name] = text;
            this.parsedHere++;
          }
        }
        connection.bind({
          ...(name ? { statement: name } : {}),
          values: params,
          valueMapper: internals.utils.prepareValue,
        });
        connection.describe({ type: "P", name: "" });
        connection.execute({ portal: "", rows: 0 });
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
  }

  handleRowDescription(msg: FieldsMessage): void {
    this.current.addFields(msg.fields);
  }

  handleDataRow(msg: FieldsMessage): void {
    if (this.error) return;
    try {
      this.current.addRow(this.current.parseRow(msg.fields));
    } catch (err) {
      this.error = err as Error;
    }
  }

  handleCommandComplete(): void {
    this.results.push(this.current.rows);
    this.current = new internals.Result(undefined, types);
  }

  handleEmptyQuery(): void {
    this.handleCommandComplete();
  }

  handleError(err: Error): void {
    // pg drops the active query on an ErrorResponse (the ReadyForQuery after it goes to nobody),
    // and a broken socket sends nothing more: either way this is the end.
    this.error ??= err;
    this.finish();
  }

  handleReadyForQuery(): void {
    this.finish();
  }

  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}

  private finish(): void {
    const done = this.callback;
    this.callback = undefined;
    done?.(this.error, this.error ? undefined : this.results);
  }
}

/**
 * Sends `statements` in one round trip on `client` (a connection checked out of a pg Pool) and
 * returns each one's rows, in order. Rejects with the first error; the statements after it did not
 * run. A failed submission that parsed new names marks the error `connectionSuspect`: which of
 * those names exist on the server is then unknown, so the caller must not reuse the connection.
 */
export function sendStatementsTogether(client: PoolClient, statements: BoundStatement[]): Promise<Rows[]> {
  const submission = new StatementsTogether(statements);
  return new Promise((resolve, reject) => {
    submission.callback = (err, rows) => {
      if (err) {
        if (submission.parsedHere > 0) Object.assign(err, { connectionSuspect: true });
        reject(err);
      } else resolve(rows!);
    };
    client.query(submission as never);
  });
}
