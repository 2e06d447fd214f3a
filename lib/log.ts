// Structured JSON logger (pino). Every event name, field, child binding and error goes
// through maskPii inside pino itself, so no caller can forget it: LGPD forbids phones and
// e-mails in log lines.
import pino from "pino";
import { env } from "@/lib/env";
import { maskPii, maskPiiDeep } from "@/lib/privacy/mask";
import { currentRequestId } from "@/lib/request-context";

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** A logger that adds `bindings` (masked too) to every line. */
  child(bindings: LogFields): Logger;
}

export interface CreateLoggerOptions {
  /** pino level name; defaults to LOG_LEVEL (env.logLevel). */
  level?: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to capture output. */
  destination?: pino.DestinationStream | NodeJS.WritableStream;
}

function maskRecord(value: unknown): Record<string, unknown> {
  const masked = maskPiiDeep(value);
  return typeof masked === "object" && masked !== null && !Array.isArray(masked)
    ? (masked as Record<string, unknown>)
    : { value: masked };
}

const pinoOptions = (level: string): pino.LoggerOptions => ({
  level,
  // The request id current where the line is written (lib/request-context.ts): one id from a
  // portal's webhook to the WhatsApp send.
  mixin: () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
  timestamp: pino.stdTimeFunctions.isoTime,
  hooks: {
    // The message and any printf-style arguments, before pino formats them into `msg`.
    logMethod(args, method) {
      const masked = args.map((arg) => (typeof arg === "string" ? maskPii(arg) : maskPiiDeep(arg)));
      return method.apply(this, masked as Parameters<typeof method>);
    },
  },
  formatters: {
    level: (label) => ({ level: label }),
    bindings: (bindings) => maskRecord(bindings), // root bindings only (pid, hostname)
    // Second line of defence: whatever object reaches pino is masked again (idempotent).
    log: (object) => maskRecord(object),
  },
  // pino's default err serializer would rebuild an unmasked message and stack from the raw
  // Error; ours returns the masked plain object (Errors become { type, message, stack, … }).
  serializers: { err: (value: unknown) => maskPiiDeep(value) },
});

function wrap(logger: pino.Logger): Logger {
  // Fields first, event second: pino's (mergingObject, message) order.
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (event: string, fields?: LogFields): void => {
      logger[level](fields ?? {}, event);
    };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    // pino resets formatters.bindings for children, so child bindings are masked here.
    child: (bindings) => wrap(logger.child(maskRecord(bindings))),
  };
}

/** A logger writing masked JSON lines to `destination` (stdout by default). */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const opts = pinoOptions(options.level ?? env.logLevel);
  const logger = options.destination ? pino(opts, options.destination as pino.DestinationStream) : pino(opts);
  return wrap(logger);
}

/** The application logger: `log.info("lead.received", { leadId, portal })`. */
export const log: Logger = createLogger();
