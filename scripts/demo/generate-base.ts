// The agency, its brokers and its 60 listings: small, built in memory, then referenced by every lead.
import type { InferInsertModel } from "drizzle-orm";
import { parseConfiguracoes, type ConfiguracoesImobiliaria } from "@/lib/domain/configuracoes-imobiliaria";
import { parsePreferencias, type Preferencias } from "@/lib/domain/preferencias";
import { newId } from "@/lib/ids";
import type { corretores, imobiliarias, imoveis } from "@/lib/db/schema";
import { BAIRROS, ORIGENS, TIPOS_IMOVEL, type TipoImovel } from "./catalog";
import { DEMO_AGENCY, DEMO_CORRETORES } from "./demo-accounts";
import type { Random } from "./random";

export const DAY_MS = 24 * 60 * 60 * 1000;
export const LISTING_COUNT = 60;

export type BrokerRef = {
  id: string;
  nome: string;
  telefone: string;
  ativo: boolean;
  /** Leads from this many days ago or older may be routed to the broker (0 = any lead). */
  recebeDesdeDia: number;
  prefs: Preferencias;
};

export type ListingRef = {
  id: string;
  codigo: string;
  tipo: TipoImovel;
  finalidade: "venda" | "aluguel";
  bairro: string;
  preco: number;
  quartos: number;
  areaM2: number;
  corretorId: string;
  portalIds: Record<string, string>;
  /** How often leads ask about it, relative to the others. */
  peso: number;
};

export type DemoBase = {
  agencyId: string;
  config: ConfiguracoesImobiliaria;
  brokers: BrokerRef[];
  listings: ListingRef[];
  rows: {
    imobiliaria: InferInsertModel<typeof imobiliarias>;
    corretores: InferInsertModel<typeof corretores>[];
    imoveis: InferInsertModel<typeof imoveis>[];
  };
};

// The portal fixtures (shared/fixtures/portals) deliver leads for these two listings.
const FIXTURE_LISTINGS = [
  {
    codigo: "AP0142-LST",
    sigla: "AP",
    finalidade: "venda",
    bairro: "Pinheiros",
    quartos: 2,
    areaM2: 78,
    portalIds: { vivareal: "2729412581", olx: "1188822334", zap: "2729412590" },
  },
  {
    codigo: "CA0077-LST",
    sigla: "CA",
    finalidade: "aluguel",
    bairro: "Perdizes",
    quartos: 3,
    areaM2: 160,
    portalIds: { zap: "2613400772", vivareal: "2613400781" },
  },
] as const;

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);

function roundPrice(value: number, finalidade: "venda" | "aluguel"): number {
  return finalidade === "venda" ? Math.round(value / 5000) * 5000 : Math.max(900, Math.round(value / 50) * 50);
}

export function listingTitle(tipo: TipoImovel, quartos: number, area: number, bairro: string, finalidade: string) {
  const rooms = quartos > 0 ? ` ${quartos} ${quartos === 1 ? "quarto" : "quartos"},` : "";
  return `${tipo.nome}${rooms} ${area} m² em ${bairro} para ${finalidade}`;
}

function buildBrokers(rng: Random, agencyId: string, now: Date) {
  const refs: BrokerRef[] = [];
  const rows = DEMO_CORRETORES.map((c, i) => {
    const id = newId("cor", now.getTime() - (400 - i * 20) * DAY_MS, rng.bytes(16));
    const prefs = parsePreferencias(c.preferencias);
    refs.push({ id, nome: c.nome, telefone: c.telefone, ativo: c.ativo, recebeDesdeDia: c.inativoHaDias ?? 0, prefs });
    const metadata: Record<string, unknown> = { creci: `CRECI-SP ${rng.int(100000, 289999)}-F` };
    if (!c.ativo && c.inativoHaDias) metadata.inativoDesde = ago(now, c.inativoHaDias * DAY_MS).toISOString();
    return {
      id,
      nome: c.nome,
      telefone: c.telefone,
      email: c.email,
      imobiliaria: DEMO_AGENCY.nome,
      ativo: c.ativo,
      dataCadastro: ago(now, (400 - i * 20) * DAY_MS),
      preferencias: prefs,
      atuacao: { bairros: c.bairros, tipos: c.tipos, finalidades: c.finalidades },
      metadata,
      imobiliariaId: agencyId,
    } satisfies InferInsertModel<typeof corretores>;
  });
  return { refs, rows };
}

function pickResponsible(rng: Random, brokers: BrokerRef[], bairro: string): string {
  const active = brokers.filter((b) => b.ativo);
  const local = active.filter((b) => DEMO_CORRETORES.find((c) => c.nome === b.nome)?.bairros.includes(bairro));
  return rng.pick(local.length > 0 ? local : active).id;
}

function randomPortalIds(rng: Random): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const o of ORIGENS) if (rng.chance(0.8)) ids[o.codigo] = String(rng.int(1_000_000_000, 2_999_999_999));
  if (Object.keys(ids).length === 0) ids.zap = String(rng.int(1_000_000_000, 2_999_999_999));
  return ids;
}

function buildListings(rng: Random, agencyId: string, now: Date, brokers: BrokerRef[]) {
  const used = new Set<string>(FIXTURE_LISTINGS.map((l) => l.codigo));
  const refs: ListingRef[] = [];
  for (let i = 0; i < LISTING_COUNT; i++) {
    const fixture = FIXTURE_LISTINGS[i];
    const tipo = fixture
      ? TIPOS_IMOVEL.find((t) => t.sigla === fixture.sigla)!
      : rng.weighted(TIPOS_IMOVEL.map((t) => [t, t.peso] as const));
    let codigo: string = fixture?.codigo ?? "";
    while (!fixture && (!codigo || used.has(codigo)))
      codigo = `${tipo.sigla}${String(rng.int(1, 999)).padStart(4, "0")}-LST`;
    used.add(codigo);
    const finalidade = fixture?.finalidade ?? (rng.chance(0.6) ? "venda" : "aluguel");
    const bairro = BAIRROS.find((b) => b.nome === fixture?.bairro) ?? rng.pick(BAIRROS);
    const areaM2 = fixture?.areaM2 ?? rng.int(tipo.area[0], tipo.area[1]);
    // Rooms follow the area (about one per 32 m²), within what the type allows.
    const rooms = Math.round(areaM2 / 32) - rng.int(0, 1);
    const quartos = fixture?.quartos ?? Math.max(tipo.quartos[0], Math.min(tipo.quartos[1], rooms));
    const band = bairro[finalidade];
    const preco = roundPrice(areaM2 * rng.float(band[0], band[1]) * tipo.fatorPreco, finalidade);
    refs.push({
      id: newId("imv", now.getTime() - (180 - i) * DAY_MS, rng.bytes(16)),
      codigo,
      tipo,
      finalidade,
      bairro: bairro.nome,
      preco,
      quartos,
      areaM2,
      corretorId: pickResponsible(rng, brokers, bairro.nome),
      portalIds: fixture ? { ...fixture.portalIds } : randomPortalIds(rng),
      peso: fixture ? 3 : rng.float(0.3, 2.5),
    });
  }
  const rows = refs.map(
    (l, i) =>
      ({
        id: l.id,
        imobiliariaId: agencyId,
        codigo: l.codigo,
        portalIds: l.portalIds,
        corretorId: l.corretorId,
        titulo: listingTitle(l.tipo, l.quartos, l.areaM2, l.bairro, l.finalidade),
        tipo: l.tipo.nome,
        finalidade: l.finalidade,
        bairro: l.bairro,
        cidade: DEMO_AGENCY.cidade,
        uf: DEMO_AGENCY.uf,
        preco: l.preco,
        quartos: l.quartos,
        areaM2: l.areaM2,
        ativo: true,
        criadoEm: ago(now, (180 - i) * DAY_MS + rng.int(0, DAY_MS - 1)),
      }) satisfies InferInsertModel<typeof imoveis>,
  );
  return { refs, rows };
}

/** Builds the agency, brokers and listings; consumes `rng` in a fixed order so the seed decides all. */
export function buildDemoBase(rng: Random, now: Date): DemoBase {
  const createdAt = ago(now, 420 * DAY_MS);
  const agencyId = newId("imob", createdAt.getTime(), rng.bytes(16));
  const config = parseConfiguracoes({ roteamento: "roleta" });
  const brokers = buildBrokers(rng, agencyId, now);
  const listings = buildListings(rng, agencyId, now, brokers.refs);
  return {
    agencyId,
    config,
    brokers: brokers.refs,
    listings: listings.refs,
    rows: {
      imobiliaria: { id: agencyId, ...DEMO_AGENCY, configuracoes: config, criadoEm: createdAt },
      corretores: brokers.rows,
      imoveis: listings.rows,
    },
  };
}
