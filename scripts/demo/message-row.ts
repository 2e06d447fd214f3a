// The delivery fields of one demo message (id, status along Twilio's path, times), drawn from the
// caller's random stream.
import { ESCRITA_REGRAS, ESCRITA_SEM_MODELO } from "@/lib/db/queries/mensagens";
import { newId } from "@/lib/ids";
import type { MensagemStatus } from "@/lib/db/schema";
import type { BrokerRef } from "./generate-base";
import type { Random, Weighted } from "./random";
import * as t from "./texts";

const MIN = 60_000;
const SENT_STATUS: Weighted<MensagemStatus> = [
  ["outbox", 42],
  ["entregue", 24],
  ["lida", 30],
  ["falhou", 4],
];
export const SUMMARY_STATUS: Weighted<MensagemStatus> = [
  ["outbox", 45],
  ["entregue", 25],
  ["lida", 30],
];

/**
 * Delivery fields. Every random value is drawn whatever the branch, so a different `now` (which
 * only decides whether a send is still in the future) draws the same values for the same row.
 */
export function deliveryFields(
  o: { agencyId: string; now: Date },
  rng: Random,
  corretor: BrokerRef,
  createdAt: Date,
  sendAt: Date,
  retido: boolean,
  weights = SENT_STATUS,
) {
  const id = newId("msg", createdAt.getTime(), rng.bytes(16));
  const drawn = rng.weighted(weights);
  const sid = `SM${rng.bytes(16).toString("hex")}`;
  const sendDelay = rng.int(1, 4) * 1000;
  const readDelay = rng.int(1, 120) * MIN;
  const now = o.now.getTime();
  const sentAt = new Date(Math.min(sendAt.getTime() + sendDelay, now));
  const base = {
    id,
    imobiliariaId: o.agencyId,
    corretorId: corretor.id,
    destino: corretor.telefone,
    criadoEm: createdAt,
    templateSid: null,
    templateVariaveis: null,
  };
  // A sent row names the engine that wrote it, as the claim marks it in a run without a model.
  const escrita = { escritaPor: ESCRITA_REGRAS, escritaMotivo: ESCRITA_SEM_MODELO };
  // A held alert that waited for the shift keeps its time, as release-scheduled leaves it.
  const waited = sendAt.getTime() > createdAt.getTime() ? sendAt : null;
  if (retido)
    return { ...base, status: "retida_cota" as const, scheduledFor: waited, tentativas: 0, atualizadoEm: createdAt };
  if (sendAt.getTime() > now)
    return { ...base, status: "agendada" as const, scheduledFor: sendAt, tentativas: 0, atualizadoEm: createdAt };
  const scheduledFor = waited;
  if (drawn === "outbox")
    return { ...base, ...escrita, status: drawn, scheduledFor, sentAt, tentativas: 1, atualizadoEm: sentAt };
  if (drawn === "falhou") {
    return {
      ...base,
      ...escrita,
      status: drawn,
      scheduledFor,
      providerSid: sid,
      tentativas: 1,
      erroCodigo: "63016",
      erroMensagem: t.ERRO_63016,
      atualizadoEm: sentAt,
    };
  }
  const updated = new Date(Math.min(sentAt.getTime() + (drawn === "lida" ? readDelay : sendDelay), now));
  return {
    ...base,
    ...escrita,
    status: drawn,
    scheduledFor,
    providerSid: sid,
    sentAt,
    tentativas: 1,
    atualizadoEm: updated,
  };
}
