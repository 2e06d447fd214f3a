// Sends a row and keeps retrying while sendMensagem asks for it, sleeping the backoff it returns.
// For callers that wait in-process (the embedded runner, scripts); Inngest uses step.sleep instead.
import { MAX_ATTEMPTS } from "./send-policy";
import { sendMensagem, type SendMensagemDeps, type SendMensagemResult } from "./send-mensagem";

export type DeliverMensagemDeps = SendMensagemDeps & {
  /** Injected so tests advance a fake clock instead of waiting. */
  sleep: (ms: number) => Promise<void>;
};

export async function deliverMensagem(deps: DeliverMensagemDeps, mensagemId: string): Promise<SendMensagemResult> {
  // sendMensagem caps the attempts itself; this bound only guards against a row someone keeps resetting.
  for (let round = 1; ; round++) {
    const result = await sendMensagem(deps, mensagemId);
    if (result.outcome !== "reagendar" || round > MAX_ATTEMPTS) return result;
    await deps.sleep(result.retryInMs ?? 0);
  }
}
