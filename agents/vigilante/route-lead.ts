// Who gets a new lead, by the agency's routing setting: the listing's owner, the roleta, or one
// fixed broker. Runs inside the ingestion transaction; the roleta row lock makes concurrent
// leads take turns instead of reading the same position.
import type { Db } from "@/lib/db/client";
import { listCorretoresComCarga, type CorretorComCarga } from "@/lib/db/queries/corretores";
import { lockRoleta, planSaveRoleta } from "@/lib/db/queries/roleta";
import { writeTogether, type PlannedWrite } from "@/lib/db/queries/write-together";
import type { ConfiguracoesImobiliaria } from "@/lib/domain/configuracoes-imobiliaria";
import { isOnDuty, isPaused } from "@/lib/time/working-hours";
import { pickByRoleta } from "./roleta";

export type RouteDecision = {
  corretorId: string | null;
  corretorNome?: string;
  /** How the broker was chosen, for the event's metadata and the dashboard. */
  motivo: "dono_do_anuncio" | "roleta" | "roleta_fora_do_expediente" | "fixo" | "sem_corretor";
};

export type RouteLeadInput = {
  imobiliariaId: string;
  timezone: string;
  configuracoes: ConfiguracoesImobiliaria;
  listingCorretorId: string | null;
  now: Date;
  /** Brokers who may not get the lead (one who passed it on via WhatsApp's "Passar adiante"). */
  excluir?: string[];
};

const available = (c: CorretorComCarga, now: Date) => c.ativo !== false && !isPaused(c.preferencias, now);

/** Decides and stores the roleta's new position now. */
export async function routeLead(tx: Db, input: RouteLeadInput): Promise<RouteDecision> {
  const { decision, writes } = await planRoute(tx, input);
  await writeTogether(tx, writes);
  return decision;
}

/**
 * Decides, holding the roleta lock; the caller MUST run `writes` (the roleta's new position) in
 * the same transaction, e.g. in one writeTogether with the lead's own rows: one round trip less
 * while every other intake of the agency waits on the lock.
 */
export async function planRoute(tx: Db, input: RouteLeadInput): Promise<{ decision: RouteDecision; writes: PlannedWrite[] }> {
  const excluidos = new Set(input.excluir ?? []);
  const corretores = (await listCorretoresComCarga(tx, input.imobiliariaId)).filter((c) => !excluidos.has(c.id));
  const byId = new Map(corretores.map((c) => [c.id, c]));
  const { roteamento, corretorFixoId } = input.configuracoes;

  if (roteamento === "fixo" && corretorFixoId) {
    const fixo = byId.get(corretorFixoId);
    if (fixo && fixo.ativo !== false) return { decision: { corretorId: fixo.id, corretorNome: fixo.nome, motivo: "fixo" }, writes: [] };
  }
  if (roteamento === "dono_do_anuncio" && input.listingCorretorId) {
    const dono = byId.get(input.listingCorretorId);
    if (dono && available(dono, input.now)) {
      return { decision: { corretorId: dono.id, corretorNome: dono.nome, motivo: "dono_do_anuncio" }, writes: [] };
    }
  }
  return spinRoleta(tx, input, corretores);
}

const semCorretor = { decision: { corretorId: null, motivo: "sem_corretor" as const }, writes: [] };

async function spinRoleta(tx: Db, input: RouteLeadInput, corretores: CorretorComCarga[]): Promise<{ decision: RouteDecision; writes: PlannedWrite[] }> {
  const ativos = corretores.filter((c) => available(c, input.now));
  const dePlantao = ativos.filter((c) => isOnDuty(c.preferencias, input.now, input.timezone));
  // Nobody on duty (night, Sunday): still pick among active brokers; the Orquestrador schedules the alert.
  const elegiveis = dePlantao.length > 0 ? dePlantao : ativos;
  if (elegiveis.length === 0) return semCorretor;

  // Open leads were counted with the broker list, before taking the roleta lock, so concurrent
  // intakes queue only for the pick itself; a tie-break a few milliseconds stale is still a fair one.
  const correntes = await lockRoleta(tx, input.imobiliariaId);
  const pesos = input.configuracoes.pesosRoleta;
  const candidates = elegiveis.map((c) => ({ id: c.id, weight: pesos[c.id] ?? 1, openLeads: c.leadsAbertos }));
  if (candidates.every((c) => c.weight <= 0)) return semCorretor;

  // Credits of brokers off duty right now are kept, so they resume their place when back.
  const picked = pickByRoleta(candidates, correntes);
  return {
    decision: {
      corretorId: picked.chosenId,
      corretorNome: elegiveis.find((c) => c.id === picked.chosenId)?.nome,
      motivo: dePlantao.length > 0 ? "roleta" : "roleta_fora_do_expediente",
    },
    writes: [planSaveRoleta(tx, input.imobiliariaId, { ...correntes, ...picked.currents })],
  };
}
