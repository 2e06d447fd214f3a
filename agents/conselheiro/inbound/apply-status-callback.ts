// Twilio status callbacks (MessageSid, MessageStatus, ErrorCode) move a sent row forward only
// (enviada → entregue → lida), and turn a late 63016 or 63018 failure into exactly one re-send.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { findMensagemByProviderSid, transitionMensagemForSid, type Mensagem } from "@/lib/db/queries/mensagens";
import type { MensagemStatus } from "@/lib/db/schema";
import { log } from "@/lib/log";
import { backoffMs, MAX_ATTEMPTS, OUTSIDE_WINDOW } from "../send/send-policy";
import { SEND_TEXTS } from "../send/send-texts";

export type StatusCallbackDeps = { db: Db; now: () => Date };
export type StatusCallbackOutcome = "atualizada" | "ignorada" | "reenfileirada" | "falhou" | "desconhecida";
/** For `reenfileirada` the caller dispatches `mensagem/send` for `mensagemId` (after `retryInMs`). */
export type StatusCallbackResult = { outcome: StatusCallbackOutcome; mensagemId?: string; retryInMs?: number };

const callbackSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, "MessageSid inválido"),
  MessageStatus: z
    .string()
    .min(1)
    .max(30)
    .transform((s) => s.toLowerCase()),
  ErrorCode: z.string().max(20).optional(),
  ErrorMessage: z.string().max(2000).optional(),
});
type Callback = z.infer<typeof callbackSchema>;

/** Each status Twilio reports, the row status it means, and the only statuses it may move from. */
const FORWARD: Record<string, { to: MensagemStatus; from: MensagemStatus[] }> = {
  delivered: { to: "entregue", from: ["enviada"] },
  read: { to: "lida", from: ["enviada", "entregue"] },
};
const RATE_LIMITED = "63018";

export async function applyStatusCallback(
  deps: StatusCallbackDeps,
  params: Record<string, string>,
): Promise<StatusCallbackResult> {
  const cb = callbackSchema.parse(params);
  const row = await findMensagemByProviderSid(deps.db, cb.MessageSid);
  if (!row) {
    log.info("mensagem.callback_unknown", { sid: cb.MessageSid, status: cb.MessageStatus });
    return { outcome: "desconhecida" };
  }
  const forward = FORWARD[cb.MessageStatus];
  if (forward) {
    const moved = await transitionMensagemForSid(
      deps.db,
      cb.MessageSid,
      forward.from,
      { status: forward.to },
      deps.now(),
    );
    return done(row, moved ? "atualizada" : "ignorada", cb);
  }
  if (cb.MessageStatus === "failed" || cb.MessageStatus === "undelivered") return applyFailure(deps, row, cb);
  // queued, accepted, sending, sent: the row became `enviada` when Twilio accepted it; never move back.
  return done(row, "ignorada", cb);
}

async function applyFailure(deps: StatusCallbackDeps, row: Mensagem, cb: Callback): Promise<StatusCallbackResult> {
  const now = deps.now();
  const code = cb.ErrorCode ?? null;
  const detail = `${code ?? "sem código"}: ${cb.ErrorMessage ?? cb.MessageStatus}`.slice(0, 2000);
  const fromSent: MensagemStatus[] = ["enviada"];
  const toFailed = (erroMensagem: string) => ({ status: "falhou" as const, erroCodigo: code, erroMensagem });
  const alreadyTemplate = row.erroCodigo === OUTSIDE_WINDOW;

  if (code === OUTSIDE_WINDOW && !alreadyTemplate) {
    // Refused for the 24-h window, so the broker got nothing: send the template now, once. The
    // marker makes the next claim send the template and a second 63016 final; a repeated callback
    // finds the row no longer `enviada` (or no longer carrying this sid) and changes nothing.
    // scheduled_for stays as it is (already due): the quota counts the row on that instant's day.
    const moved = await transitionMensagemForSid(
      deps.db,
      cb.MessageSid,
      fromSent,
      { status: "pendente", erroCodigo: OUTSIDE_WINDOW, erroMensagem: detail },
      now,
    );
    return done(row, moved ? "reenfileirada" : "ignorada", cb, 0);
  }
  if (code === OUTSIDE_WINDOW) {
    const moved = await transitionMensagemForSid(
      deps.db,
      cb.MessageSid,
      fromSent,
      toFailed(SEND_TEXTS.templateRecusado),
      now,
    );
    return done(row, moved ? "falhou" : "ignorada", cb);
  }
  if (code === RATE_LIMITED && row.tentativas < MAX_ATTEMPTS) {
    // Throttled before reaching the phone: nothing was delivered, so a later re-send is no duplicate.
    const retryInMs = backoffMs(row.tentativas);
    const moved = await transitionMensagemForSid(
      deps.db,
      cb.MessageSid,
      fromSent,
      {
        status: "pendente",
        erroCodigo: alreadyTemplate ? OUTSIDE_WINDOW : RATE_LIMITED,
        erroMensagem: SEND_TEXTS.limiteTaxa,
        scheduledFor: new Date(now.getTime() + retryInMs),
      },
      now,
    );
    return done(row, moved ? "reenfileirada" : "ignorada", cb, retryInMs);
  }
  const moved = await transitionMensagemForSid(deps.db, cb.MessageSid, fromSent, toFailed(detail), now);
  return done(row, moved ? "falhou" : "ignorada", cb);
}

function done(row: Mensagem, outcome: StatusCallbackOutcome, cb: Callback, retryInMs?: number): StatusCallbackResult {
  log.info("mensagem.callback", { mensagemId: row.id, outcome, status: cb.MessageStatus, erro: cb.ErrorCode });
  return outcome === "reenfileirada" ? { outcome, mensagemId: row.id, retryInMs } : { outcome, mensagemId: row.id };
}
