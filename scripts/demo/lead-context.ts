// What generating the demo's leads shares across leads: the agency, its brokers and listings, the
// clock and the random seed.
import type { ConfiguracoesImobiliaria } from "@/lib/domain/configuracoes-imobiliaria";
import type { BrokerRef, ListingRef } from "./generate-base";
import type { LeadClock } from "./lead-clock";

export type LeadContext = {
  seed: number;
  now: Date;
  timezone: string;
  agencyId: string;
  config: ConfiguracoesImobiliaria;
  clock: LeadClock;
  brokers: BrokerRef[];
  listings: ListingRef[];
  phoneOffset: number;
  emails: Set<string>;
  /** Leads from this index on arrived so recently that the pipeline has not processed them yet. */
  pendingFrom: number;
  /** Signs the messages' short links as the running app would (lib/links), so recent ones open. */
  linksKey: () => Buffer;
};
