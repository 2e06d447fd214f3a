// The Vigilante's intake: one portal delivery becomes, in ONE transaction, the delivery record,
// the lead (or a link to the same person's earlier lead), its interaction and the detected event.
// Only after the commit does anything else happen (KV, pipeline), and those may fail safely:
// the committed `eventos.processado = false` row is what the pipeline works from.
import { currentRequestId } from "@/lib/request-context";
import type { Db } from "@/lib/db/client";
import type { Imobiliaria } from "@/lib/db/queries/imobiliarias";
import type { Lead } from "@/lib/db/queries/leads";
import { recordIntake, type IntakeDecision, type IntakeDecisionContext } from "@/lib/db/units/record-intake";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import { newId } from "@/lib/ids";
import { log } from "@/lib/log";
import type { Dispatch, LeadReceived } from "@/agents/pipeline-events";
import { isLeadDeTeste } from "@/lib/portals/lead-de-teste";
import type { NormalizedLead } from "@/lib/portals/normalized-lead";
import { describeLeadEvent } from "./describe-lead-event";
import { extractBusca } from "./extract-busca";
import { intakeInteracao, intakeMetadata } from "./intake-metadata";
import { routeLead, type RouteDecision, type RouteLeadInput } from "./route-lead";
import { scoreLead } from "./score-lead";
import { DEFAULT_WEIGHTS } from "./score-weights";

export type IngestDeps = {
  db: Db;
  /** DbHandle.sideDb: where the roleta turn runs as a transaction of its own; absent = inside the intake's. */
  sideDb?: Db | null;
  dispatch: Dispatch;
  now: () => Date;
  /**
   * Schedules the best-effort work after the commit (the pipeline trigger) for once the answer
   * is out, so the portal does not wait on Inngest (the route: scheduleAfterResponse).
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

export async function ingestLead(deps: IngestDeps, input: IngestInput): Promise<IngestResult> {
  const { imobiliaria, lead } = input;
  const receivedAt = deps.now();
  // The roleta turn on its own (RouteLeadInput.turnos): the agency's lock then lasts one statement.
  const turnos = deps.sideDb ?? undefined;
  const recorded = await recordIntake(
    deps.db,
    {
      imobiliariaId: imobiliaria.id,
      portal: lead.portal,
      externalId: lead.externalId,
      receivedAt,
      corpo: input.corpo,
      person: { telefone: validE164(lead), email: lead.email },
      earlierSince: new Date(receivedAt.getTime() - DEFAULT_WEIGHTS.repeat.windowDays * 24 * 3600 * 1000),
      listing: lead.listing,
      deadline: input.deadline,
    },
    (context) => decideLead(context, turnos, imobiliaria, lead, receivedAt, input.sanitizado),
  );
  if (recorded.kind === "duplicate") {
    log.info("lead.duplicate_delivery", {
      imobiliariaId: imobiliaria.id,
      portal: lead.portal,
      leadId: recorded.leadId,
    });
    return { status: "duplicado", leadId: recorded.leadId, eventoId: null, corretorId: null };
  }
  const result: IngestResult = {
    status: recorded.kind === "new" ? "criado" : "vinculado",
    leadId: recorded.lead.id,
    eventoId: recorded.evento.id,
    corretorId: recorded.lead.corretorId,
  };

  const turno = { urgencia: recorded.evento.urgencia, score: recorded.lead.score };
  const followUp = () => afterCommit(deps, imobiliaria.id, result, turno);
  const deferred = deps.afterResponse?.(() =>
    followUp().catch((err: unknown) =>
      log.warn("lead.after_commit_failed", { leadId: result.leadId, error: String(err) }),
    ),
  );
  if (!deferred) await followUp();
  return result;
}

// From what the intake read (earlier lead, listing, brokers): the score, the routing, and the rows
// to write — the same person's earlier lead updated, or a new one.
async function decideLead(
  { tx, entregaId, earlier, imovel, corretores }: IntakeDecisionContext,
  turnos: Db | undefined,
  imobiliaria: Imobiliaria,
  lead: NormalizedLead,
  at: Date,
  sanitizado = false,
): Promise<IntakeDecision> {
  const telefone = validE164(lead);
  const consultasAnteriores = earlier ? Number((earlier.metadata as { consultas?: number } | null)?.consultas ?? 1) : 0;
  const { score, factors } = scoreLead({
    lead,
    earlierInquiries: consultasAnteriores,
    listingPrice: imovel?.preco ?? null,
  });
  const busca = extractBusca(lead, imovel);
  const intake = intakeMetadata(lead, entregaId, at, { sanitizado });
  const interacao = intakeInteracao(lead, intake);
  const scoreMeta = { total: score, fatores: factors, calculadoEm: at.toISOString() };
  // An admin's "Enviar lead de teste" proves the portal's route end to end; it must not wake a broker
  // (at 3 am, or spend their daily quota), take a roleta turn or count as a real lead. So it is kept,
  // visibly, but routed to nobody (the Orquestrador then sends nothing) and flagged `metadata.teste`.
  const teste = isLeadDeTeste(lead);
  const paraNinguem: RouteDecision | null = teste ? { corretorId: null, motivo: "lead_de_teste" } : null;
  const marca = teste ? { teste: true } : {};

  let saved: IntakeDecision["lead"];
  let motivo: string;
  let corretorNome: string | null | undefined;
  if (earlier) {
    // The same person keeps their broker; only an unassigned earlier lead is routed now.
    const route = earlier.corretorId
      ? null
      : (paraNinguem ?? (await routeFor(tx, { turnos, corretores }, imobiliaria, imovel?.corretorId ?? null, at)));
    saved = {
      kind: "repeat",
      update: {
        at,
        score,
        // leads.score keeps the higher score; its explanation must be the one that produced it.
        metadata: {
          consultas: consultasAnteriores + 1,
          ultimaConsulta: intake,
          ...(score >= (earlier.score ?? 0) ? { score: scoreMeta } : {}),
        },
        ...(route ? { corretorId: route.corretorId } : {}),
      },
    };
    motivo = route?.motivo ?? "mesmo_corretor";
    corretorNome = route?.corretorNome;
  } else {
    const route =
      paraNinguem ?? (await routeFor(tx, { turnos, corretores }, imobiliaria, imovel?.corretorId ?? null, at));
    saved = {
      kind: "new",
      row: {
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
        metadata: { ...intake, consultas: 1, score: scoreMeta, roteamento: route.motivo, ...marca },
      },
    };
    motivo = route.motivo;
    corretorNome = route.corretorNome;
  }

  return {
    lead: saved,
    interacao: { tipo: earlier ? "nova_consulta" : "mensagem_portal", data: at, ...interacao },
    evento: (row: Lead) => {
      corretorNome ??= corretores.find((c) => c.id === row.corretorId)?.nome ?? null;
      const description = describeLeadEvent({
        nome: lead.nome,
        origem: lead.origem,
        leadType: lead.leadType,
        mensagem: lead.mensagem,
        score: row.score ?? score,
        retorno: earlier ? { consultasAnteriores } : null,
        imovel: imovel ? { codigo: imovel.codigo, titulo: imovel.titulo, bairro: imovel.bairro } : lead.listing,
        corretorNome,
        telefoneValido: intake.telefoneValido,
      });
      return {
        dataDeteccao: at,
        ...description,
        metadata: {
          entregaId,
          portal: lead.portal,
          origem: lead.origem,
          roteamento: motivo,
          score: row.score ?? score,
          ...marca,
          // The webhook's request id (lib/request-context.ts): the pipeline's logs about this event carry it.
          ...(currentRequestId() ? { requestId: currentRequestId() } : {}),
        },
      };
    },
  };
}

/** The delivery's phone in E.164 when it is a valid number: the one the person is matched and stored by. */
const validE164 = (lead: NormalizedLead) => (lead.phone?.valid ? lead.phone.e164 : null);

function routeFor(
  tx: Db,
  read: Pick<RouteLeadInput, "turnos" | "corretores">,
  imobiliaria: Imobiliaria,
  listingCorretorId: string | null,
  now: Date,
) {
  return routeLead(tx, {
    imobiliariaId: imobiliaria.id,
    timezone: imobiliaria.timezone,
    configuracoes: parseConfiguracoes(imobiliaria.configuracoes),
    listingCorretorId,
    now,
    ...read,
  });
}

/** The pipeline trigger is best effort: the committed rows are the truth, and a sweep finds them. */
async function afterCommit(
  deps: IngestDeps,
  imobiliariaId: string,
  result: IngestResult,
  turno: Pick<LeadReceived, "urgencia" | "score">,
) {
  if (result.eventoId) {
    await deps
      .dispatch(
        "lead/received",
        { eventoId: result.eventoId, leadId: result.leadId, imobiliariaId, corretorId: result.corretorId, ...turno },
        `lead-received-${result.eventoId}`,
      )
      .catch((err: unknown) => log.warn("pipeline.dispatch_failed", { eventoId: result.eventoId, error: String(err) }));
  }
  log.info("lead.received", { imobiliariaId, leadId: result.leadId, eventoId: result.eventoId, status: result.status });
}
