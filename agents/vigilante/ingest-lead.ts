// The Vigilante's intake: one portal delivery becomes, in ONE transaction, the delivery record,
// the lead (or a link to the same person's earlier lead), its interaction and the detected event.
// Only after the commit does anything else happen (KV, pipeline), and those may fail safely:
// the committed `eventos.processado = false` row is what the pipeline works from.
import type { Db } from "@/lib/db/client";
import type { BoundStatement } from "@/lib/db/compiled-statement";
import { fewTripsTransaction, type FewTripsTransaction } from "@/lib/db/few-trips-transaction";
import { claimedDeliveryId, findDelivery, planClaimDelivery, planSetDeliveryLead } from "@/lib/db/queries/entregas";
import { planInsertEvento, type Evento } from "@/lib/db/queries/eventos";
import type { Imobiliaria } from "@/lib/db/queries/imobiliarias";
import { planInsertInteracao } from "@/lib/db/queries/interacoes";
import { decodeIntakeContext, planIntakeContext, type IntakeContext } from "@/lib/db/queries/intake-context";
import { lockPerson, planInsertLeadFromPortal, recordRepeatInquiry, type Lead } from "@/lib/db/queries/leads";
import { composeWrites } from "@/lib/db/queries/write-together";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import { newId } from "@/lib/ids";
import { invalidate } from "@/lib/kv/cache";
import { kvKeys } from "@/lib/kv/keys";
import type { Kv } from "@/lib/kv/types";
import { log } from "@/lib/log";
import type { Dispatch } from "@/agents/pipeline-events";
import type { NormalizedLead } from "@/lib/portals/normalized-lead";
import { describeLeadEvent } from "./describe-lead-event";
import { extractBusca } from "./extract-busca";
import { intakeInteracao, intakeMetadata } from "./intake-metadata";
import { routeLead, type RouteLeadInput } from "./route-lead";
import { scoreLead } from "./score-lead";
import { DEFAULT_WEIGHTS } from "./score-weights";

export type IngestDeps = {
  db: Db;
  /** DbHandle.sideDb: where the roleta turn runs as a transaction of its own; absent = inside the intake's. */
  sideDb?: Db | null;
  kv: Kv | null;
  dispatch: Dispatch;
  now: () => Date;
  /**
   * Schedules the best-effort work after the commit (KV copy, pipeline trigger) for once the answer
   * is out, so the portal does not wait on Redis or Inngest (the route: scheduleAfterResponse).
   * Absent, or returning false: that work is awaited before ingestLead returns.
   */
  afterResponse?: (work: () => Promise<void>) => boolean;
};
export type IngestInput = {
  imobiliaria: Imobiliaria;
  lead: NormalizedLead;
  corpo: unknown;
  /** The body had NULs or lone surrogates cleaned out (lib/http/json-input-safety.ts): flagged in the metadata. */
  sanitizado?: boolean;
  /** Aborted once the delivery was answered 503 for taking too long: nothing is committed after that. */
  deadline?: AbortSignal;
};
export type IngestResult = {
  status: "criado" | "vinculado" | "duplicado";
  leadId: string;
  eventoId: string | null;
  corretorId: string | null;
};

class DuplicateDelivery extends Error {}

function throwIfPastDeadline(deadline: AbortSignal | undefined): void {
  if (deadline?.aborted) throw new Error("prazo da entrega esgotado: respondida 503, nada registrado");
}

export async function ingestLead(deps: IngestDeps, input: IngestInput): Promise<IngestResult> {
  const { imobiliaria, lead } = input;
  const receivedAt = deps.now();
  // The roleta turn on its own (RouteLeadInput.turnos): the agency's lock then lasts one statement.
  const turnos = deps.sideDb ?? undefined;
  let result: IngestResult & { evento?: Evento };
  try {
    // BEGIN, the claim and the reads go in one round trip, the writes and COMMIT in another.
    // The person lock rides on the claim (a repeated delivery never takes it), and the reads after
    // it in the same trip are statements of their own, so they see what its holder committed.
    const telefone = validE164(lead);
    const since = new Date(receivedAt.getTime() - DEFAULT_WEIGHTS.repeat.windowDays * 24 * 3600 * 1000);
    const claim = planClaimDelivery(
      { imobiliariaId: imobiliaria.id, portal: lead.portal, externalId: lead.externalId, recebidoEm: receivedAt, corpo: input.corpo },
      lockPerson(imobiliaria.id, [telefone, lead.email]),
    );
    const reads = planIntakeContext(imobiliaria.id, { telefone, email: lead.email, since }, lead.listing);
    throwIfPastDeadline(input.deadline);
    result = await fewTripsTransaction(deps.db, [claim, reads], async ({ tx, commitWith }, [claimed, context]) => {
      const entregaId = claimedDeliveryId(claimed!);
      if (!entregaId) throw new DuplicateDelivery();
      // Past the deadline the portal was answered 503 and will deliver again: roll back rather than
      // record a 2xx it never got (a commit already on its way is corrected after, by the caller).
      const trip: FewTripsTransaction = {
        tx,
        commitWith: (statements) => {
          throwIfPastDeadline(input.deadline);
          return commitWith(statements);
        },
      };
      const outcome = await recordLead(trip, turnos, imobiliaria, lead, receivedAt, entregaId, decodeIntakeContext(context!), input.sanitizado);
      return { status: outcome.status, leadId: outcome.lead.id, eventoId: outcome.evento.id, corretorId: outcome.lead.corretorId, evento: outcome.evento };
    });
  } catch (err) {
    if (!(err instanceof DuplicateDelivery)) throw err;
    const earlier = await findDelivery(deps.db, imobiliaria.id, lead.portal, lead.externalId);
    if (!earlier?.leadId) throw new Error("entrega duplicada sem lead registrado");
    log.info("lead.duplicate_delivery", { imobiliariaId: imobiliaria.id, portal: lead.portal, leadId: earlier.leadId });
    return { status: "duplicado", leadId: earlier.leadId, eventoId: null, corretorId: null };
  }

  const followUp = () => afterCommit(deps, imobiliaria.id, result);
  const deferred = deps.afterResponse?.(() =>
    followUp().catch((err: unknown) => log.warn("lead.after_commit_failed", { leadId: result.leadId, error: String(err) })),
  );
  if (!deferred) await followUp();
  return { status: result.status, leadId: result.leadId, eventoId: result.eventoId, corretorId: result.corretorId };
}

// From what the intake read (earlier lead, listing, brokers), the routing, then every write of the
// lead in ONE statement sent with COMMIT (composeWrites): the broker's open-lead counter row is
// locked for one round trip.
async function recordLead(
  { tx, commitWith }: FewTripsTransaction,
  turnos: Db | undefined,
  imobiliaria: Imobiliaria,
  lead: NormalizedLead,
  at: Date,
  entregaId: string,
  { earlier, imovel, corretores }: IntakeContext,
  sanitizado = false,
) {
  const telefone = validE164(lead);
  const consultasAnteriores = earlier ? Number((earlier.metadata as { consultas?: number } | null)?.consultas ?? 1) : 0;
  const { score, factors } = scoreLead({ lead, earlierInquiries: consultasAnteriores, listingPrice: imovel?.preco ?? null });
  const busca = extractBusca(lead, imovel);
  const intake = intakeMetadata(lead, entregaId, { sanitizado });
  const interacao = intakeInteracao(lead, intake);
  const scoreMeta = { total: score, fatores: factors, calculadoEm: at.toISOString() };

  let saved: Lead;
  let status: "criado" | "vinculado";
  let motivo: string;
  let corretorNome: string | null | undefined;
  const writes: BoundStatement[] = [];
  if (earlier) {
    // The same person keeps their broker; only an unassigned earlier lead is routed now.
    const route = earlier.corretorId ? null : await routeFor(tx, { turnos, corretores }, imobiliaria, imovel?.corretorId ?? null, at);
    saved = await recordRepeatInquiry(tx, earlier, {
      at, score,
      // leads.score keeps the higher score; its explanation must be the one that produced it.
      metadata: { consultas: consultasAnteriores + 1, ultimaConsulta: intake, ...(score >= (earlier.score ?? 0) ? { score: scoreMeta } : {}) },
      ...(route ? { corretorId: route.corretorId } : {}),
    });
    status = "vinculado";
    motivo = route?.motivo ?? "mesmo_corretor";
    corretorNome = route?.corretorNome;
    writes.push(planInsertInteracao({ leadId: saved.id, tipo: "nova_consulta", data: at, ...interacao }));
  } else {
    const route = await routeFor(tx, { turnos, corretores }, imobiliaria, imovel?.corretorId ?? null, at);
    const planned = planInsertLeadFromPortal({
      id: newId("lead", at.getTime()),
      imobiliariaId: imobiliaria.id,
      corretorId: route.corretorId,
      imovelId: imovel?.id ?? null,
      nome: lead.nome,
      telefone: telefone ?? (lead.phone?.raw ?? "").slice(0, 20),
      email: lead.email,
      origem: lead.origem,
      // Receipt time, not the portal's clock (kept in metadata.entrada.dataPortal): a 1970 or future
      // timestamp would drop the lead out of the latest lists and out of the 90-day same-person match.
      dataPrimeiroContato: at,
      dataUltimaInteracao: at,
      score,
      status: "novo",
      busca,
      metadata: { ...intake, consultas: 1, score: scoreMeta, roteamento: route.motivo },
    });
    saved = planned.row;
    status = "criado";
    motivo = route.motivo;
    corretorNome = route.corretorNome;
    writes.push(
      planned.write,
      planInsertInteracao({ leadId: saved.id, tipo: "mensagem_portal", data: at, ...interacao }),
    );
  }

  corretorNome ??= corretores.find((c) => c.id === saved.corretorId)?.nome ?? null;
  const description = describeLeadEvent({
    nome: lead.nome, origem: lead.origem, leadType: lead.leadType, mensagem: lead.mensagem, score: saved.score ?? score,
    retorno: earlier ? { consultasAnteriores } : null,
    imovel: imovel ? { codigo: imovel.codigo, titulo: imovel.titulo, bairro: imovel.bairro } : lead.listing,
    corretorNome, telefoneValido: intake.telefoneValido,
  });
  const evento = planInsertEvento({
    imobiliariaId: imobiliaria.id, corretorId: saved.corretorId, leadId: saved.id, dataDeteccao: at, ...description,
    metadata: { entregaId, portal: lead.portal, origem: lead.origem, roteamento: motivo, score: saved.score ?? score },
  });
  writes.push(evento.write, planSetDeliveryLead(entregaId, saved.id, status === "criado" ? 201 : 200));
  await commitWith([composeWrites(writes)]);
  return { lead: saved, status, evento: evento.row };
}

/** The delivery's phone in E.164 when it is a valid number: the one the person is matched and stored by. */
const validE164 = (lead: NormalizedLead) => (lead.phone?.valid ? lead.phone.e164 : null);

function routeFor(tx: Db, read: Pick<RouteLeadInput, "turnos" | "corretores">, imobiliaria: Imobiliaria, listingCorretorId: string | null, now: Date) {
  return routeLead(tx, {
    imobiliariaId: imobiliaria.id, timezone: imobiliaria.timezone,
    configuracoes: parseConfiguracoes(imobiliaria.configuracoes), listingCorretorId, now, ...read,
  });
}

/** KV and the pipeline trigger are best effort: the committed rows are the truth. */
async function afterCommit(deps: IngestDeps, imobiliariaId: string, result: IngestResult & { evento?: { id: string } }) {
  if (deps.kv && result.evento) {
    const entry = kvKeys.evento(result.evento.id);
    await deps.kv.set(entry.key, JSON.stringify(result.evento), entry.ttlSeconds).catch((err: unknown) => {
      log.warn("kv.evento_cache_failed", { eventoId: result.evento!.id, error: String(err) });
    });
    // A brand-new lead cannot be cached yet; a returning one was just updated.
    if (result.status === "vinculado") await invalidate(deps.kv, kvKeys.lead(result.leadId));
  }
  if (result.eventoId) {
    await deps
      .dispatch(
        "lead/received",
        { eventoId: result.eventoId, leadId: result.leadId, imobiliariaId, corretorId: result.corretorId },
        `lead-received-${result.eventoId}`,
      )
      .catch((err: unknown) => log.warn("pipeline.dispatch_failed", { eventoId: result.eventoId, error: String(err) }));
  }
  log.info("lead.received", { imobiliariaId, leadId: result.leadId, eventoId: result.eventoId, status: result.status });
}
