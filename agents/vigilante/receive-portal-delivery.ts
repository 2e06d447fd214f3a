// A portal's webhook delivery, from raw request to IngestResult: who is it for, is the credential
// right, is the body a lead. Every refusal is an AppError (4xx) raised before anything is stored.
import { z } from "zod";
import { getActiveIntegracaoCached } from "@/lib/db/queries/integracoes";
import { getImobiliariaBySlugCached } from "@/lib/db/queries/imobiliarias";
import { AppError } from "@/lib/errors";
import { readJsonBody, type DeliveryRequest } from "@/lib/http/read-json-body";
import { verifyPortalCredential } from "@/lib/portals/authenticate";
import { isPortalSlug, parsePortalPayload, PORTAL_SLUGS } from "@/lib/portals";
import { ingestLead, type IngestDeps, type IngestResult } from "./ingest-lead";

/** Portals time out after 15 s; answering 503 before that makes them retry instead of giving up. */
export const INGEST_DEADLINE_MS = 12_000;

const unauthorized = () =>
  new AppError("unauthorized", "Credenciais do portal ausentes ou inválidas para esta imobiliária", {
    headers: { "www-authenticate": 'Basic realm="lastro"' },
  });

export async function receivePortalDelivery(
  deps: IngestDeps,
  request: Request | DeliveryRequest,
  route: { portal: string; imobiliaria: string | undefined },
): Promise<IngestResult> {
  if (!isPortalSlug(route.portal)) {
    throw new AppError("bad_request", `Portal desconhecido: use um de ${PORTAL_SLUGS.join(", ")}`);
  }
  if (!route.imobiliaria) throw unauthorized();
  const imobiliaria = await getImobiliariaBySlugCached(deps.db, route.imobiliaria);
  const integracao = imobiliaria ? await getActiveIntegracaoCached(deps.db, imobiliaria.id, route.portal) : null;
  // An unknown agency and a wrong secret look the same from outside.
  if (!imobiliaria || !integracao || !verifyPortalCredential(route.portal, request.headers, integracao)) throw unauthorized();

  const body = await readJsonBody(request);
  const lead = parsePortalPayload(route.portal, body.value);
  return withDeadline(ingestLead(deps, { imobiliaria, lead, corpo: body.value }), INGEST_DEADLINE_MS);
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError("service_unavailable", "Não foi possível registrar o lead a tempo; reenvie", { headers: { "retry-after": "30" } })),
      ms,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Anything that is not a client's fault becomes 503, so the portal retries rather than drops the lead. */
export function asRetryable(err: unknown): unknown {
  if (err instanceof AppError || err instanceof z.core.$ZodError) return err;
  return new AppError("service_unavailable", "Falha temporária ao registrar o lead; tente novamente", {
    cause: err,
    headers: { "retry-after": "30" },
  });
}
