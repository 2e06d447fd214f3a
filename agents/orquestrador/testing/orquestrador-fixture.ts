// Test support: an agency with one broker and a listing, leads with their portal message and event,
// a fixed clock, and the KV stores the quota runs against (memory; Redis when REDIS_URL is set;
// one whose every call throws, to force the Postgres fallback).
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { type Corretor } from "@/lib/db/queries/corretores";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertEvento, type Evento } from "@/lib/db/queries/eventos";
import { insertImobiliaria, type Imobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import type { Lead } from "@/lib/db/queries/leads";
import { insertPortalLead } from "@/lib/db/testing/portal-lead";
import type { EventoTipo } from "@/lib/db/schema";
import type { PreferenciasInput } from "@/lib/domain/preferencias";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { insertFixtureListing } from "@/lib/db/testing/imoveis";
import { createKv } from "@/lib/kv";
import type { Kv } from "@/lib/kv/types";

/** Tuesday 2026-11-24 10:00 in São Paulo (UTC−3). */
export const TUE_1000 = new Date("2026-11-24T13:00:00Z");

export function fixedClock(start: Date = TUE_1000) {
  let at = start;
  return {
    now: () => at,
    set: (d: Date | string) => void (at = new Date(d)),
    advance: (ms: number) => void (at = new Date(at.getTime() + ms)),
  };
}

export type KvTarget = { name: string; skipReason?: string; create(): Kv };

export const kvTargets: KvTarget[] = [
  { name: "memory", create: () => createKv({ driver: "memory" }) },
  {
    name: "redis",
    skipReason: env.kv.redisUrl ? undefined : "REDIS_URL não definida",
    create: () => createKv({ driver: "redis", redisUrl: env.kv.redisUrl! }),
  },
];

/** The KV the pipeline would use here: Redis when REDIS_URL is set, else memory. */
export function createDefaultKv(): Kv {
  return env.kv.redisUrl ? createKv({ driver: "redis", redisUrl: env.kv.redisUrl }) : createKv({ driver: "memory" });
}

/** A KV that is down: every call rejects, as a Redis outage would. */
export function throwingKv(): Kv & { calls: number } {
  const state = { calls: 0 };
  return new Proxy(state as unknown as Kv & { calls: number }, {
    get(target, prop) {
      if (prop === "calls") return state.calls;
      if (prop === "driver") return "redis";
      if (prop === "then") return undefined;
      return async () => {
        state.calls++;
        throw new Error("KV fora do ar (teste)");
      };
    },
  });
}

export type Scene = { db: Db; agency: Imobiliaria; corretor: Corretor; imovelId: string };

export async function createScene(db: Db, opts: { prefs?: PreferenciasInput; ativo?: boolean } = {}): Promise<Scene> {
  const slug = `orq-${randomUUID().slice(0, 8)}`;
  const agency = await insertImobiliaria(db, { slug, nome: "Imobiliária Centro", cidade: "São Paulo", uf: "SP" });
  const corretor = await insertCorretor(db, {
    imobiliariaId: agency.id,
    nome: "Ana Lima",
    telefone: "+5511970000001",
    ativo: opts.ativo ?? true,
    preferencias: opts.prefs ?? {},
  });
  const imovelId = await insertFixtureListing(db, agency.id, corretor.id);
  return { db, agency, corretor, imovelId };
}

export type LeadSpec = {
  score: number;
  tipo?: EventoTipo;
  at: Date;
  nome?: string;
  mensagem?: string;
  semCorretor?: boolean;
};

/** A lead as the Vigilante leaves it: lead row (score factors in metadata), portal message, unprocessed event. */
export async function createLeadEvento(scene: Scene, spec: LeadSpec): Promise<{ lead: Lead; evento: Evento }> {
  const { db, agency, corretor } = scene;
  const corretorId = spec.semCorretor ? null : corretor.id;
  const lead = await insertPortalLead(db, {
    id: newId("lead", spec.at.getTime()),
    imobiliariaId: agency.id,
    corretorId,
    imovelId: scene.imovelId,
    nome: spec.nome ?? "Maria Souza",
    telefone: "+5511987654321",
    email: "maria@example.com",
    origem: "zap",
    dataPrimeiroContato: spec.at,
    dataUltimaInteracao: spec.at,
    score: spec.score,
    metadata: {
      score: {
        total: spec.score,
        fatores: [{ key: "temperatura", points: spec.score, explicacao: `Fator de teste: +${spec.score}` }],
      },
    },
  });
  await insertInteracao(db, {
    leadId: lead.id,
    tipo: "mensagem_portal",
    data: spec.at,
    conteudo: spec.mensagem ?? "Quero agendar uma visita",
  });
  const evento = await insertEvento(db, {
    imobiliariaId: agency.id,
    tipo: spec.tipo ?? "novo_lead",
    urgencia: "alta",
    corretorId,
    leadId: lead.id,
    titulo: `Novo lead: ${lead.nome}`,
    descricao: "teste",
    acaoRecomendada: "teste",
    dataDeteccao: spec.at,
  });
  return { lead, evento };
}
