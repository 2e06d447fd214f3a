// Who gets a new lead, by the agency's routing setting: the listing's owner, the roleta, or one
// fixed broker. Runs inside the ingestion transaction; the roleta row lock makes concurrent
// leads take turns instead of reading the same position.
import type { Db } from "@/lib/db/client";
import type { Corretor } from "@/lib/db/queries/corretores";
import { listCorretores } from "@/lib/db/queries/corretores";
import { countOpenLeadsByCorretor } from "@/lib/db/queries/leads";
import { lockRoleta, saveRoleta } from "@/lib/db/queries/roleta";
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

const available = (c: Corretor, now: Date) => c.ativo !== false && !isPaused(c.preferencias, now);

export async function routeLead(tx: Db, input: RouteLeadInput): Promise<RouteDecision> {
  const excluidos = new Set(input.excluir ?? []);
  const corretores = (await listCorretores(tx, input.imobiliariaId)).filter((c) => !excluidos.has(c.id));
  const byId = new Map(corretores.map((c) => [c.id, c]));
  const { roteamento, corretorFixoId } = input.configuracoes;

  if (roteamento === "fixo" && corretorFixoId) {
    const fixo = byId.get(corretorFixoId);
    if (fixo && fixo.ativo !== false) return { corretorId: fixo.id, corretorNome: fixo.nome, motivo: "fixo" };
  }
  if (roteamento === "dono_do_anuncio" && input.listingCorretorId) {
    const dono = byId.get(input.listingCorretorId);
    if (dono && available(dono, input.now)) return { corretorId: dono.id, corretorNome: dono.nome, motivo: "dono_do_anuncio" };
  }
  return spinRoleta(tx, input, corretores);
}

async function spinRoleta(tx: Db, input: RouteLeadInput, corretores: Corretor[]): Promise<RouteDecision> {
  const ativos = corretores.filter((c) => available(c, input.now));
  const dePlantao = ativos.filter((c) => isOnDuty(c.preferencias, input.now, input.timezone));
  // Nobody on duty (night, Sunday): still pick among active brokers; the Orquestrador schedules the alert.
  const elegiveis = dePlantao.length > 0 ? dePlantao : ativos;
  if (elegiveis.length === 0) return { corretorId: null, motivo: "sem_corretor" };

  // Counted before taking the roleta lock, so concurrent intakes queue only for the pick itself;
  // a tie-break a few milliseconds stale is still a fair one.
  const abertos = await countOpenLeadsByCorretor(tx, input.imobiliariaId);
  const correntes = await lockRoleta(tx, input.imobiliariaId);
  const pesos = input.configuracoes.pesosRoleta;
  const candidates = elegiveis.map((c) => ({ id: c.id, weight: pesos[c.id] ?? 1, openLeads: abertos.get(c.id) ?? 0 }));
  if (candidates.every((c) => c.weight <= 0)) return { corretorId: null, motivo: "sem_corretor" };

  // Credits of brokers off duty right now are kept, so they resume their place when back.
  const picked = pickByRoleta(candidates, correntes);
  await saveRoleta(tx, input.imobiliariaId, { ...correntes, ...picked.currents });
  return {
    corretorId: picked.chosenId,
    corretorNome: elegiveis.find((c) => c.id === picked.chosenId)?.nome,
    motivo: dePlantao.length > 0 ? "roleta" : "roleta_fora_do_expediente",
  };
}
