// One demo lead and everything that hangs off it (deliveries, interactions, events, the messages to
// plan). Lead #i draws from its own random stream, so chunk size never changes the data.
import type { InferInsertModel } from "drizzle-orm";
import { newId } from "@/lib/ids";
import type { entregasWebhook, LeadStatus, leads } from "@/lib/db/schema";
import type { Temperatura } from "@/lib/portals/normalized-lead";
import { MENSAGENS_LEAD, ORIGENS, TIPOS_LEAD_PORTAL, type Origem, type TipoLeadPortal } from "./catalog";
import type { BrokerRef, DemoBase, ListingRef } from "./generate-base";
import type { LeadClock } from "./lead-clock";
import { buildEmail, buildPhone, pickName } from "./lead-person";
import { intakeMetadata } from "@/agents/vigilante/intake-metadata";
import { normalizeDemoDelivery, scoreDemoDelivery } from "./lead-intake";
import type { LeadContext } from "./lead-context";
import { buildTimeline, type Aviso, type TimelineRows } from "./lead-timeline";
import { createRandom, deriveSeed, type Random, type Weighted } from "./random";
import { fillTemplate } from "./texts";

export type { LeadContext };

export type LeadBundle = TimelineRows & {
  lead: InferInsertModel<typeof leads>;
  entregas: InferInsertModel<typeof entregasWebhook>[];
  avisos: Aviso[];
  corretor: BrokerRef;
  origem: Origem;
  dayIndex: number;
};

// The portal's temperature follows how the person reached out: a visit request is rarely cold.
const TEMPERATURAS: Record<TipoLeadPortal, Weighted<Temperatura>> = {
  VISIT_REQUEST: [
    ["Alta", 60],
    ["Média", 35],
    ["Baixa", 5],
  ],
  CLICK_SCHEDULE: [
    ["Alta", 55],
    ["Média", 38],
    ["Baixa", 7],
  ],
  CLICK_WHATSAPP: [
    ["Alta", 35],
    ["Média", 45],
    ["Baixa", 20],
  ],
  CONTACT_CHAT: [
    ["Alta", 32],
    ["Média", 46],
    ["Baixa", 22],
  ],
  CONTACT_FORM: [
    ["Alta", 25],
    ["Média", 50],
    ["Baixa", 25],
  ],
  PHONE_VIEW: [
    ["Alta", 10],
    ["Média", 40],
    ["Baixa", 50],
  ],
};
const ORIGEM_PESOS: Weighted<Origem> = ORIGENS.map((o) => [o, o.peso] as const);

// Older leads are further along the funnel; [novo, em_contato, visita_agendada, visita_realizada,
// proposta, fechado, perdido] by age in days.
const STATUS_ORDER: readonly LeadStatus[] = [
  "novo",
  "em_contato",
  "visita_agendada",
  "visita_realizada",
  "proposta",
  "fechado",
  "perdido",
];
// A real funnel: most leads stall or are lost; a few reach a visit, fewer a deal.
const STATUS_BY_AGE: readonly { minDay: number; weights: readonly number[] }[] = [
  { minDay: 30, weights: [3, 30, 4, 10, 5, 4, 44] },
  { minDay: 10, weights: [6, 38, 9, 10, 4, 2, 31] },
  { minDay: 3, weights: [10, 48, 14, 7, 2, 0.5, 18.5] },
  { minDay: 1, weights: [28, 52, 12, 2, 0, 0, 6] },
  { minDay: 0, weights: [70, 28, 2, 0, 0, 0, 0] },
];

export function createLeadContext(
  base: DemoBase,
  opts: { seed: number; now: Date; timezone: string; clock: LeadClock; linksKey: () => Buffer },
): LeadContext {
  const rng = createRandom(deriveSeed(opts.seed, 3));
  return {
    ...opts,
    agencyId: base.agencyId,
    config: base.config,
    brokers: base.brokers,
    listings: base.listings,
    phoneOffset: rng.int(0, 39_999_999),
    emails: new Set(),
    pendingFrom: Math.max(0, opts.clock.total - 2),
  };
}

function pickStatus(rng: Random, dayIndex: number, score: number): LeadStatus {
  const row = STATUS_BY_AGE.find((r) => dayIndex >= r.minDay)!;
  // A hot lead moves forward more often and is lost less often.
  const forward = 0.5 + score / 100;
  const entries = STATUS_ORDER.map((s, k) => {
    const w = row.weights[k]!;
    return [s, k >= 2 && s !== "perdido" ? w * forward : s === "perdido" ? w * (1.5 - score / 100) : w] as const;
  });
  return rng.weighted(entries);
}

function pickMessage(rng: Random, leadType: TipoLeadPortal, listing: ListingRef): { texto: string; visita: boolean } {
  if ((leadType === "CLICK_WHATSAPP" || leadType === "PHONE_VIEW") && rng.chance(0.7))
    return { texto: "", visita: false };
  const wantsVisit = leadType === "VISIT_REQUEST" || leadType === "CLICK_SCHEDULE";
  const fits = MENSAGENS_LEAD.filter(
    (m) => (!m.finalidade || m.finalidade === listing.finalidade) && (!wantsVisit || m.visita),
  );
  const m = rng.pick(fits);
  return { texto: fillTemplate(m.texto, listing), visita: Boolean(m.visita) };
}

function pickListing(rng: Random, listings: ListingRef[]): ListingRef {
  return rng.weighted(listings.map((l) => [l, l.peso] as const));
}

function portalBody(
  o: Origem,
  lead: { nome: string; telefone: string; email: string | null },
  facts: {
    originLeadId: string;
    originListingId: string;
    listing: ListingRef;
    mensagem: string;
    leadType: TipoLeadPortal;
    temperatura: Temperatura | null;
    at: Date;
  },
) {
  const national = lead.telefone.slice(3);
  if (o.portal === "chaves-na-mao") {
    return {
      id: Number(facts.originLeadId),
      name: lead.nome,
      email: lead.email ?? "",
      phone: `(${national.slice(0, 2)}) ${national.slice(2, 7)}-${national.slice(7)}`,
      message: facts.mensagem,
      createdAt: facts.at.toISOString().replace("T", " ").slice(0, 19),
      segment: "REALTY",
      ad: {
        id: Number(facts.originListingId),
        reference: facts.listing.codigo,
        price: facts.listing.preco,
        type: facts.listing.tipo.nome,
        purpose: facts.listing.finalidade === "venda" ? "Venda" : "Locação",
        city: "São Paulo",
        state: "SP",
        neighborhood: facts.listing.bairro,
      },
    };
  }
  return {
    leadOrigin: o.leadOrigin,
    timestamp: facts.at.toISOString(),
    originLeadId: facts.originLeadId,
    originListingId: facts.originListingId,
    clientListingId: facts.listing.codigo,
    name: lead.nome,
    email: lead.email ?? "",
    ddd: national.slice(0, 2),
    phone: national.slice(2),
    phoneNumber: national,
    message: facts.mensagem,
    temperature: facts.temperatura,
    transactionType: facts.listing.finalidade === "venda" ? "SELL" : "RENT",
    extraData: { leadType: facts.leadType },
  };
}

/** Deliveries are kept raw only for 30 days (LGPD retention), like the app will do. */
const RETENCAO_CORPO_DIAS = 30;

export function generateLead(ctx: LeadContext, i: number): LeadBundle {
  const rng = createRandom(deriveSeed(ctx.seed, 2, i));
  const dayIndex = ctx.clock.dayIndex(i);
  const at = ctx.clock.at(i);
  const pending = i >= ctx.pendingFrom;

  const origem = rng.weighted(ORIGEM_PESOS);
  const listing = pickListing(rng, ctx.listings);
  const leadType: TipoLeadPortal = origem.portal === "grupo-olx" ? rng.weighted(TIPOS_LEAD_PORTAL) : "CONTACT_FORM";
  const temperatura = origem.portal === "grupo-olx" ? rng.weighted(TEMPERATURAS[leadType]) : null;
  const mensagem = pickMessage(rng, leadType, listing);
  const nome = pickName(rng);
  const telefone = buildPhone(rng, i, ctx.phoneOffset);
  const email = rng.chance(0.7) ? buildEmail(rng, nome, ctx.emails, i) : null;
  const retorno = !pending && dayIndex >= 2 && rng.chance(0.07);
  const originLeadId =
    origem.portal === "grupo-olx" ? rng.bytes(12).toString("hex") : String(8_000_000 + i * 3 + rng.int(0, 2));
  const originListingId = listing.portalIds[origem.codigo] ?? Object.values(listing.portalIds)[0] ?? "";
  const normalized = normalizeDemoDelivery({
    origem,
    externalId: originLeadId,
    portalListingId: originListingId,
    at,
    nome,
    telefone,
    email,
    mensagem: mensagem.texto,
    leadType,
    temperatura,
    listing,
  });
  // A returning person's lead carries the score of their second inquiry, as recordRepeatInquiry leaves it.
  const { score, fatores, busca } = scoreDemoDelivery(normalized, listing, retorno ? 1 : 0);
  const status = pending ? "novo" : pickStatus(rng, dayIndex, score);
  const eligible = ctx.brokers.filter((b) => b.ativo || dayIndex >= b.recebeDesdeDia);
  const corretor = rng.pick(eligible);
  const leadId = newId("lead", at.getTime(), rng.bytes(16));

  const timeline = buildTimeline(ctx, rng, {
    i,
    leadId,
    at,
    nominal: ctx.clock.nominal(i),
    dayIndex,
    pending,
    nome,
    telefone,
    score,
    fatores,
    status,
    retorno,
    corretor,
    listing,
    origem,
    mensagem: mensagem.texto,
    pedidoVisita: mensagem.visita || leadType === "VISIT_REQUEST" || leadType === "CLICK_SCHEDULE",
    leadType,
  });

  const body = portalBody(
    origem,
    { nome, telefone, email },
    {
      originLeadId,
      originListingId,
      listing,
      mensagem: mensagem.texto,
      leadType,
      temperatura,
      at,
    },
  );
  const entregas: InferInsertModel<typeof entregasWebhook>[] = [
    {
      id: newId("ent", at.getTime(), rng.bytes(16)),
      imobiliariaId: ctx.agencyId,
      portal: origem.portal,
      externalId: originLeadId,
      recebidoEm: at,
      resultado: "aceita",
      statusHttp: 200,
      leadId,
      corpo: dayIndex < RETENCAO_CORPO_DIAS ? body : null,
    },
  ];
  if (timeline.retornoEm) {
    entregas.push({
      id: newId("ent", timeline.retornoEm.getTime(), rng.bytes(16)),
      imobiliariaId: ctx.agencyId,
      portal: origem.portal,
      externalId: origem.portal === "grupo-olx" ? rng.bytes(12).toString("hex") : `${originLeadId}-r`,
      recebidoEm: timeline.retornoEm,
      resultado: "aceita",
      statusHttp: 200,
      leadId,
      corpo: null,
    });
  }
  if (rng.chance(0.01)) {
    const invalid = rng.chance(0.5);
    entregas.push({
      id: newId("ent", at.getTime() + 1, rng.bytes(16)),
      imobiliariaId: ctx.agencyId,
      portal: origem.portal,
      externalId: rng.bytes(12).toString("hex"),
      recebidoEm: new Date(Math.min(at.getTime() + 1000, ctx.now.getTime())),
      resultado: "rejeitada",
      statusHttp: invalid ? 422 : 401,
      leadId: null,
      corpo: null,
      erro: invalid ? "Telefone ausente ou inválido" : "Credencial do portal inválida",
    });
  }

  const intake = intakeMetadata(normalized, entregas[0]!.id!, at);
  const repeat = timeline.retornoEm ? entregas[1]! : null;
  const lead: InferInsertModel<typeof leads> = {
    id: leadId,
    corretorId: corretor.id,
    nome,
    telefone,
    email,
    origem: origem.codigo,
    dataPrimeiroContato: at,
    dataUltimaInteracao: timeline.ultimaInteracao,
    score,
    status,
    busca,
    // The keys agents/vigilante/ingest-lead.ts writes, so the dashboard reads demo and real leads alike.
    metadata: {
      ...intake,
      consultas: repeat ? 2 : 1,
      // The demo agency routes by roleta (generate-base.ts): /metricas' "Parte da roleta" reads this.
      roteamento: "roleta",
      score: { total: score, fatores, calculadoEm: (repeat?.recebidoEm ?? at).toISOString() },
      ...(repeat ? { ultimaConsulta: { ...intake, externalId: repeat.externalId, entregaId: repeat.id } } : {}),
      ...(timeline.motivoPerda ? { motivoPerda: timeline.motivoPerda } : {}),
    },
    imobiliariaId: ctx.agencyId,
    imovelId: listing.id,
  };
  return {
    lead,
    entregas,
    interacoes: timeline.interacoes,
    eventos: timeline.eventos,
    avisos: timeline.avisos,
    corretor,
    origem,
    dayIndex,
  };
}
