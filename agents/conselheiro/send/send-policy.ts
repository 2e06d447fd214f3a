// The numbers and small rules behind "never twice": how long to back off, how often to try,
// how far back a lookup reaches, and what goes to Twilio for a row.
import type { Mensagem } from "@/lib/db/queries/mensagens";
import type { ContentSend } from "@/lib/whatsapp/content-templates";
import type { WhatsAppOutgoing } from "@/lib/whatsapp/types";

export const MAX_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 5 * 60_000;
/** After an unconfirmed send, wait at least this long so a slow create shows up in the lookup. */
export const UNCONFIRMED_RETRY_MS = 30_000;
/** Twilio's clock and ours differ, and its timestamps have whole seconds. */
export const LOOKUP_MARGIN_MS = 2 * 60_000;

/**
 * `erro_codigo` markers this agent reads back on the next attempt:
 * - OUTSIDE_WINDOW: the row was refused for the 24-h window, or went out as the business template;
 *   every later send is that template, and another 63016 is final.
 * - UNCONFIRMED: the last attempt's outcome was unknown and a lookup found nothing; the next
 *   attempt looks again before sending, and a second unknown outcome makes the row `incerta`.
 */
export const OUTSIDE_WINDOW = "63016";
export const UNCONFIRMED = "sem_confirmacao";

/** 5 s, 10 s, 20 s, 40 s… capped at 5 min, for the attempt that just failed (1-based). */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
}

/** A Content send (quick-reply or template) replaces the body; never both. */
export function outgoingFor(row: Mensagem, content: ContentSend | null, statusCallback?: string): WhatsAppOutgoing {
  const base = { to: row.destino, ...(statusCallback ? { statusCallback } : {}) };
  return content ? { ...base, ...content } : { ...base, body: row.corpo };
}
