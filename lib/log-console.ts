// Next.js prints its own errors (a page that threw, a failed render) with console.error, outside
// our logger: a DrizzleQueryError printed that way shows the SQL with its parameters, names and
// phones included. The server process sends console.error/warn through the masking logger instead.
import { types } from "node:util";
import type { Logger, LogFields } from "@/lib/log";

type ConsoleLike = Pick<Console, "error" | "warn">;

// Next colours its prefixes ("\u001b[31m⨯\u001b[39m"); a JSON line does not need them.
const ANSI = /\u001b\[[0-9;]*m/g;

const isError = (value: unknown): value is Error => value instanceof Error || types.isNativeError(value);

function fieldsOf(args: unknown[]): LogFields {
  const errors = args.filter(isError);
  const texts = args.filter((a): a is string => typeof a === "string").map((a) => a.replace(ANSI, "").trim());
  const others = args.filter((a) => typeof a !== "string" && !isError(a));
  const fields: LogFields = {};
  const message = texts.filter(Boolean).join(" ");
  if (message) fields.message = message;
  if (errors.length > 0) fields.err = errors[0];
  if (errors.length > 1) fields.errors = errors.slice(1);
  if (others.length > 0) fields.details = others;
  return fields;
}

/** Replaces target.error/warn with lines of `logger` (masked, database values dropped); returns the undo. */
export function routeConsoleThroughLogger(logger: Logger, target: ConsoleLike = console): () => void {
  const original = { error: target.error, warn: target.warn };
  target.error = (...args: unknown[]) => logger.error("console.error", fieldsOf(args));
  target.warn = (...args: unknown[]) => logger.warn("console.warn", fieldsOf(args));
  return () => {
    target.error = original.error;
    target.warn = original.warn;
  };
}
