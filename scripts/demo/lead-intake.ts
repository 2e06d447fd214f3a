// A demo delivery goes through the Vigilante's own scorer and "what they want" reader, so demo and
// real leads carry one format (metadata.score, read by the dashboard and "Por que 82?").
import { extractBusca } from "@/agents/vigilante/extract-busca";
import { scoreLead, type ScoreFactor } from "@/agents/vigilante/score-lead";
import type { Busca } from "@/lib/db/schema/leads";
import type { NormalizedPhone } from "@/lib/phone/normalize-phone";
import { EMPTY_LISTING, type NormalizedLead, type Temperatura } from "@/lib/portals/normalized-lead";
import type { Origem, TipoLeadPortal } from "./catalog";
import { DEMO_AGENCY } from "./demo-accounts";
import type { ListingRef } from "./generate-base";

export type DemoDelivery = {
  origem: Origem;
  externalId: string;
  portalListingId: string;
  at: Date;
  nome: string;
  telefone: string;
  email: string | null;
  mensagem: string;
  leadType: TipoLeadPortal;
  temperatura: Temperatura | null;
  listing: ListingRef;
};

export type DemoIntake = { score: number; fatores: ScoreFactor[]; busca: Busca };

// buildPhone only makes valid E.164 mobiles (seed.test.ts runs normalizePhoneBR on every one);
// parsing 100k of them again would add about 2 s to the big seed.
const validMobile = (e164: string): NormalizedPhone => ({ e164, valid: true, mobile: true, raw: e164 });

/** What the portal's parser (lib/portals/grupo-olx.ts, chaves-na-mao.ts) makes of the delivery's body. */
export function normalizeDemoDelivery(d: DemoDelivery): NormalizedLead {
  const common = {
    portal: d.origem.portal,
    origem: d.origem.codigo,
    externalId: d.externalId,
    createdAt: d.at,
    nome: d.nome,
    telefone: d.telefone,
    phone: validMobile(d.telefone),
    email: d.email,
    mensagem: d.mensagem || null,
    finalidade: d.listing.finalidade,
  };
  if (d.origem.portal === "chaves-na-mao") {
    // Its push does not say how the person got in touch, but it describes the ad.
    return {
      ...common,
      leadType: null,
      temperatura: null,
      listing: {
        codigo: d.listing.codigo,
        portalListingId: d.portalListingId,
        titulo: null,
        tipo: d.listing.tipo.nome,
        preco: d.listing.preco,
        bairro: d.listing.bairro,
        cidade: DEMO_AGENCY.cidade,
        uf: DEMO_AGENCY.uf,
      },
    };
  }
  return {
    ...common,
    leadType: d.leadType,
    temperatura: d.temperatura,
    listing: { ...EMPTY_LISTING, codigo: d.listing.codigo, portalListingId: d.portalListingId },
  };
}

/** As agents/vigilante/ingest-lead.ts does: our listing row's price and facts win over the portal's. */
export function scoreDemoDelivery(lead: NormalizedLead, listing: ListingRef, earlierInquiries: number): DemoIntake {
  const { score, factors } = scoreLead({ lead, earlierInquiries, listingPrice: listing.preco });
  const busca = extractBusca(lead, {
    tipo: listing.tipo.nome,
    finalidade: listing.finalidade,
    bairro: listing.bairro,
    cidade: DEMO_AGENCY.cidade,
    uf: DEMO_AGENCY.uf,
    preco: listing.preco,
    quartos: listing.quartos,
  });
  return { score, fatores: factors, busca };
}

/** The delivery keys ingest-lead.ts writes into leads.metadata (and `ultimaConsulta` on a return). */
