// What each broker-reply action gets (one transaction, the broker who wrote, their agency) and
// what it returns: the reply text and the work to start once the transaction commits.
import type { LeadReceived } from "@/agents/pipeline-events";
import type { Db } from "@/lib/db/client";
import type { Corretor } from "@/lib/db/queries/corretores";
import type { Imobiliaria } from "@/lib/db/queries/imobiliarias";
import type { MessageWriter } from "../compose/templates";

export type ReplyContext = {
  tx: Db;
  now: Date;
  corretor: Corretor;
  imobiliaria: Imobiliaria;
  /** The inbound message's sid: every row this reply creates derives its idempotency key from it. */
  messageSid: string;
  /** The message the broker replied to, when Twilio names it. */
  respondidaSid: string | null;
  writer: MessageWriter;
};

export type ReplyAction = {
  /** What happened, for logs and tests (`lead_em_contato`, `lead_de_outro`, `pausado`…). */
  acao: string;
  texto: string;
  leadId?: string;
  /** Set by "Passar adiante": the new broker's event, to dispatch as `lead/received`. */
  leadRecebido?: LeadReceived;
  /** `mensagens_dia` slots of cancelled messages, by the instant each was counted for: given back in KV once committed. */
  giveBackQuota?: { corretorId: string; usedAt: Date[] };
};
