// A broker's WhatsApp message to us (a quick-reply button or a typed command) → its action and a
// reply, in ONE transaction keyed on Twilio's MessageSid, so a retried webhook changes nothing
// more. Unknown senders get nothing and leave nothing behind. Sends start only after the commit.
import { z } from "zod";
import { giveBackQuotaSlot } from "@/agents/orquestrador/take-quota";
import type { Db } from "@/lib/db/client";
import type { Corretor } from "@/lib/db/queries/corretores";
import { recordMensagemRecebida } from "@/lib/db/queries/corretores-whatsapp";
import { getImobiliariaById } from "@/lib/db/queries/imobiliarias";
import { getLeadById } from "@/lib/db/queries/leads";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { findMensagemByIdempotencyKey, lockInboundMessage } from "@/lib/db/queries/mensagens-resposta";
import type { Kv } from "@/lib/kv/types";
import { log } from "@/lib/log";
import type { Dispatch } from "@/agents/pipeline-events";
import { runCommand } from "./broker-commands";
import { runLeadAction } from "./broker-lead-actions";
import type { ReplyAction } from "./broker-reply-types";
import { parseBrokerReply, type BrokerCommand } from "./parse-broker-reply";
import { findSenderCorretores } from "../send/resolve-sender";
import { templateWriter, type MessageWriter } from "../compose/templates";

export type BrokerReplyDeps = { db: Db; kv: Kv | null; now: () => Date; dispatch: Dispatch; writer?: MessageWriter };
export type BrokerReplyResult =
  | { outcome: "remetente_desconhecido" }
  | { outcome: "repetida"; corretorId: string }
  | { outcome: "respondida"; corretorId: string; acao: string; respostaId: string; leadId?: string };

const sid = z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, "MessageSid inválido");
const inboundSchema = z.object({
  MessageSid: sid,
  From: z.string().min(1).max(60),
  WaId: z.string().max(20).optional(),
  Body: z.string().max(5000).optional(),
  ButtonPayload: z.string().max(256).optional(),
  ButtonText: z.string().max(256).optional(),
  OriginalRepliedMessageSid: z.string().max(64).optional(),
});

export const respostaKey = (messageSid: string) => `resposta:${messageSid}`;

export async function handleBrokerReply(
  deps: BrokerReplyDeps,
  params: Record<string, string>,
): Promise<BrokerReplyResult> {
  const msg = inboundSchema.parse(params);
  const candidatos = await findSenderCorretores(deps.db, { from: msg.From, waId: msg.WaId });
  // No broker: the caller may still know the sender as a lead (record-lead-reply.ts), else nobody.
  if (candidatos.length === 0) return { outcome: "remetente_desconhecido" };
  const command = parseBrokerReply({ body: msg.Body, buttonPayload: msg.ButtonPayload, buttonText: msg.ButtonText });
  const corretor = await pickCorretor(deps.db, candidatos, command);
  const imobiliaria = await getImobiliariaById(deps.db, corretor.imobiliariaId!);
  if (!imobiliaria) throw new Error(`imobiliária do corretor ${corretor.id} não encontrada`);
  const now = deps.now();
  const key = respostaKey(msg.MessageSid);

  const done = await deps.db.transaction(async (tx) => {
    await lockInboundMessage(tx, msg.MessageSid);
    if (await findMensagemByIdempotencyKey(tx, key)) return null;
    await recordMensagemRecebida(tx, corretor.id, now);
    const ctx = {
      tx,
      now,
      corretor,
      imobiliaria,
      messageSid: msg.MessageSid,
      respondidaSid: msg.OriginalRepliedMessageSid ?? null,
      writer: deps.writer ?? templateWriter,
    };
    const action =
      command.tipo === "lead" ? await runLeadAction(ctx, command.acao, command.leadId) : await runCommand(ctx, command);
    const { mensagem } = await insertMensagemOnce(tx, {
      imobiliariaId: imobiliaria.id,
      corretorId: corretor.id,
      leadId: action.leadId ?? null,
      tipo: "resposta",
      destino: corretor.telefone,
      corpo: action.texto,
      status: "pendente",
      idempotencyKey: key,
      criadoEm: now,
    });
    return { action, respostaId: mensagem.id };
  });
  if (!done) {
    log.info("whatsapp.reply_repeated", { corretorId: corretor.id, messageSid: msg.MessageSid });
    return { outcome: "repetida", corretorId: corretor.id };
  }
  await afterCommit(deps, corretor, done.action, done.respostaId);
  log.info("whatsapp.corretor_replied", {
    corretorId: corretor.id,
    acao: done.action.acao,
    leadId: done.action.leadId,
  });
  return {
    outcome: "respondida",
    corretorId: corretor.id,
    acao: done.action.acao,
    respostaId: done.respostaId,
    ...(done.action.leadId ? { leadId: done.action.leadId } : {}),
  };
}

/** With one phone in several agencies, a button goes to the broker who holds its lead. */
async function pickCorretor(db: Db, candidatos: Corretor[], command: BrokerCommand): Promise<Corretor> {
  if (candidatos.length > 1 && command.tipo === "lead" && command.leadId) {
    for (const c of candidatos) {
      const lead = await getLeadById(db, c.imobiliariaId!, command.leadId);
      if (lead?.corretorId === c.id) return c;
    }
  }
  return candidatos[0]!;
}

/** KV and pipeline are best effort: the committed rows are the truth, and a sweep finds them. */
async function afterCommit(deps: BrokerReplyDeps, corretor: Corretor, action: ReplyAction, respostaId: string) {
  const slots = action.giveBackQuota;
  if (deps.kv && slots) {
    const kv = deps.kv;
    await Promise.all(slots.usedAt.map((at) => giveBackQuotaSlot(kv, slots.corretorId, at)));
  }
  const send = (promise: Promise<void>, what: string) =>
    promise.catch((err: unknown) =>
      log.warn("pipeline.dispatch_failed", { what, corretorId: corretor.id, error: String(err) }),
    );
  await send(
    deps.dispatch("message/send", { mensagemId: respostaId, corretorId: corretor.id }, `message-send-${respostaId}`),
    "resposta",
  );
  if (action.leadRecebido) {
    const data = action.leadRecebido;
    await send(deps.dispatch("lead/received", data, `lead-received-${data.eventoId}`), "lead_repassado");
  }
}
