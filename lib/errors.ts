// One error model for every route: throw AppError (or let a ZodError escape) and
// errorResponse turns it into { error: { code, message, fields? } } with the right status.
import { z } from "zod";
import { log } from "@/lib/log";
import { describeZodIssue, formatIssuePath } from "@/lib/validation-messages";

export const ERROR_STATUS = {
  invalid_json: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  invalid_signature: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  /** Dotted path of the failing field: "lead.phone", "itens.0.nome" ("" = the whole body). */
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** Overrides the code's usual status. */
  status?: number;
  /** Context for the logs; never sent to the client. */
  details?: unknown;
  cause?: unknown;
  /** Per-field problems, sent to the client (see validationError). */
  fields?: FieldError[];
  /** Extra response headers, e.g. { "retry-after": "30" } for rate_limited. */
  headers?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  readonly fields?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = options.status ?? ERROR_STATUS[code];
    this.details = options.details;
    this.fields = options.fields;
    this.headers = options.headers;
  }
}

export const VALIDATION_MESSAGE = "Dados inválidos";
export const INTERNAL_MESSAGE = "Erro interno. Tente novamente em instantes.";

/** A 422 validation_failed AppError listing every failing field of a ZodError. */
export function validationError(zodError: z.core.$ZodError): AppError {
  const fields = zodError.issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    message: describeZodIssue(issue),
  }));
  return new AppError("validation_failed", VALIDATION_MESSAGE, { fields, cause: zodError });
}

/** Turns anything thrown in a handler into the JSON error response. Unknown errors become a
 *  generic 500 and are logged (masked); their message and stack never reach the client. */
export function errorResponse(err: unknown): Response {
  const answer = errorAnswer(err);
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

/**
 * For a webhook whose sender delivers again after a 5xx (portals, Twilio): what is the client's fault
 * (an AppError, a ZodError) stays as it is; anything else is ours (the database down, a bug) and
 * becomes a 503 with Retry-After, so the sender retries instead of dropping the delivery.
 */
export function asRetryable(err: unknown, message: string): AppError | z.core.$ZodError {
  if (err instanceof AppError || err instanceof z.core.$ZodError) return err;
  return new AppError("service_unavailable", message, { cause: err, headers: { "retry-after": "30" } });
}

export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldError[] } };

/** errorResponse's status, headers and body as plain data, for a server that writes them itself. */
export function errorAnswer(err: unknown): { status: number; headers: Record<string, string>; body: ErrorBody } {
  const appError = toAppError(err);
  if (appError.status >= 500) {
    log.error("http.error", {
      code: appError.code,
      status: appError.status,
      details: appError.details,
      err: err instanceof AppError || err == null ? appError : err,
    });
  }
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
  if (appError.fields && appError.fields.length > 0) body.error.fields = appError.fields;
  return { status: appError.status, headers: { "cache-control": "no-store", ...appError.headers }, body };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof z.core.$ZodError) return validationError(err);
  return new AppError("internal", INTERNAL_MESSAGE, { cause: err });
}
