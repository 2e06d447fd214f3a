// "Enviar lead de teste" (/configuracoes/integracoes): a sample lead in the portal's own format, with
// the agency's stored credential, handed to the very function both doors of the webhook use
// (answerPortalDelivery): the same credential check, parse and intake as a portal's POST, no network.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { getActiveIntegracao, listIntegracoes } from "@/lib/db/queries/integracoes";
import { scheduleAfterResponse } from "@/lib/http/after-response";
import { sampleLeadBody } from "@/lib/portals/lead-de-teste";
import { credentialHeaders, portalWebhookUrl } from "@/lib/setup/portal-credentials";
import { answerPortalDelivery } from "./portal-delivery-response";

export type SampleDeliveryAnswer = {
  status: number;
  /** The answer in pt-BR, as the card shows it. */
  resumo: string;
  leadId: string | null;
};

type Agency = { id: string; slug: string };

/** Null when the agency has no credential with this id (another agency's included). */
export async function postSampleDelivery(
  db: Db,
  imobiliaria: Agency,
  integracaoId: string,
  publicBaseUrl: string,
  now: Date,
): Promise<SampleDeliveryAnswer | null> {
  const integracao = (await listIntegracoes(db, imobiliaria.id)).find((i) => i.id === integracaoId);
  if (!integracao) return null;
  const credencial = await getActiveIntegracao(db, imobiliaria.id, integracao.portal);
  if (!credencial) {
    return { status: 0, resumo: "Integração inativa: nada foi enviado.", leadId: null };
  }
  const body = sampleLeadBody(integracao.portal, `teste-${randomUUID()}`, now);
  const request = new Request(portalWebhookUrl(publicBaseUrl, integracao.portal, imobiliaria.slug), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...credentialHeaders(integracao.portal, credencial.identificador, credencial.segredo),
    },
    body: JSON.stringify(body),
  });
  const answer = await answerPortalDelivery(request, [integracao.portal, imobiliaria.slug], scheduleAfterResponse);
  return { status: answer.status, ...describeAnswer(answer.body) };
}

const STATUS_TEXTO: Record<string, string> = {
  criado: "lead criado",
  duplicado: "entrega repetida, mesmo lead",
  vinculado: "ligado a um lead anterior da mesma pessoa",
};

function describeAnswer(body: unknown): Omit<SampleDeliveryAnswer, "status"> {
  const b = (body ?? {}) as { status?: unknown; leadId?: unknown; error?: { message?: unknown } };
  if (typeof b.leadId === "string") {
    const status = typeof b.status === "string" ? (STATUS_TEXTO[b.status] ?? b.status) : "aceito";
    return {
      resumo: `${status[0]!.toUpperCase()}${status.slice(1)}, marcado como teste: não vai para nenhum corretor.`,
      leadId: b.leadId,
    };
  }
  const message = typeof b.error?.message === "string" ? b.error.message : "resposta sem mensagem";
  return { resumo: `Recusado: ${message}.`, leadId: null };
}
