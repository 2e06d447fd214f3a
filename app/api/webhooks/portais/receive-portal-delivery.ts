// A portal's webhook delivery, from raw request to IngestResult: who is it for, is the credential
// right, is the body a lead. Every refusal is an AppError (4xx) raised before anything is stored.
import { getActiveIntegracaoCached } from "@/lib/db/queries/integracoes";
import { getImobiliariaBySlugCached } from "@/lib/db/queries/imobiliarias";
import { AppError } from "@/lib/errors";
import { markDeliveryAnswered, type DeliveryKey } from "@/lib/db/queries/entregas";
import { bodyTimedOut } from "@/lib/http/body-limit";
import { readJsonBody, type DeliveryRequest } from "@/lib/http/read-json-body";
import { log } from "@/lib/log";
import { verifyPortalCredential } from "@/lib/portals/authenticate";
import { isPortalSlug, parsePortalPayload, PORTAL_SLUGS } from "@/lib/portals";
import { ingestLead, type IngestDeps, type IngestResult } from "../../../../agents/vigilante/ingest-lead";

/**
 * Portals time out after 15 s; answering before that (408 for a body still arriving, 503 for an
 * intake still running) makes them retry instead of giving up.
 */
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
  const portal = route.portal;
  const slug = route.imobiliaria;
  // The whole delivery, body included, answers within the deadline: a body still arriving is a
  // 408, an intake still running a 503 (and it then commits nothing, see recordLateOutcome).
  const deadline = new AbortController();
  const deadlineMs = ingestDeadlineMs();
  let stage: "credencial" | "corpo" | "registro" = "credencial";
  const delivery = (async (): Promise<IngestResult> => {
    const imobiliaria = await getImobiliariaBySlugCached(deps.db, slug);
    const integracao = imobiliaria ? await getActiveIntegracaoCached(deps.db, imobiliaria.id, portal) : null;
    // An unknown agency and a wrong secret look the same from outside.
    if (!imobiliaria || !integracao || !verifyPortalCredential(portal, request.headers, integracao))
      throw unauthorized();

    stage = "corpo";
    const body = await readJsonBody(request, { signal: deadline.signal });
    stage = "registro";
    const lead = parsePortalPayload(portal, body.value);
    const work = ingestLead(deps, {
      imobiliaria,
      lead,
      corpo: body.value,
      sanitizado: body.sanitized,
      deadline: deadline.signal,
    });
    return recordLateOutcome(
      deps,
      work,
      deadline.signal,
      { imobiliariaId: imobiliaria.id, portal: lead.portal, externalId: lead.externalId },
      deadlineMs,
    );
  })();
  return withDeadline(delivery, deadlineMs, () => {
    deadline.abort();
    // What is still running after the answer (a rollback, or the late record's fix) finishes after it, not lost.
    const settled = delivery.then(
      () => undefined,
      (err: unknown) => log.warn("webhook.delivery_after_deadline", { portal, error: String(err) }),
    );
    deps.afterResponse?.(() => settled);
    return stage === "corpo" ? bodyTimedOut() : intakeTimedOut();
  });
}

/**
 * A delivery whose intake committed after the deadline had answered 503 (the commit was already on
 * its way) keeps its lead, but its record says what the portal was told: 503, not 201. The portal
 * retries, and the retry is answered as a duplicate of this lead.
 */
async function recordLateOutcome(
  deps: IngestDeps,
  work: Promise<IngestResult>,
  deadline: AbortSignal,
  key: DeliveryKey,
  deadlineMs: number,
): Promise<IngestResult> {
  const result = await work;
  if (deadline.aborted && result.status !== "duplicado") {
    await markDeliveryAnswered(
      deps.db,
      key,
      503,
      `Respondida 503: o registro terminou depois do prazo de ${deadlineMs / 1000} s`,
    );
    log.warn("lead.recorded_after_deadline", {
      imobiliariaId: key.imobiliariaId,
      portal: key.portal,
      leadId: result.leadId,
    });
  }
  return result;
}

/** `work`, or the error `onTimeout` returns once `ms` have passed (called once, when the deadline wins). */
async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const intakeTimedOut = () =>
  new AppError("service_unavailable", "Não foi possível registrar o lead a tempo; reenvie", {
    headers: { "retry-after": "30" },
  });

let deadlineForTests: number | null = null;
const ingestDeadlineMs = () => deadlineForTests ?? INGEST_DEADLINE_MS;

/** Tests shorten the deadline (null restores INGEST_DEADLINE_MS); production never calls it. */
export function useIngestDeadlineForTests(ms: number | null): void {
  deadlineForTests = ms;
}
