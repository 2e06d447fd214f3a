// Who gets a new lead, by the agency's routing setting: the listing's owner, the roleta, or one
// fixed broker. The roleta turn is taken by one database call (takeRoletaTurn), so concurrent
// leads take turns one after another and none reads the same position.
import type { Db } from "@/lib/db/client";
import { listCorretoresComCarga, type CorretorComCarga } from "@/lib/db/queries/corretores";
import { takeRoletaTurn } from "@/lib/db/queries/roleta";
import type { ConfiguracoesImobiliaria } from "@/lib/domain/configuracoes-imobiliaria";
import { isOnDuty, isPaused } from "@/lib/time/working-hours";

export type RouteDecision = {
  corretorId: string | null;
  corretorNome?: string;
  /** How the broker was chosen, for the event's metadata and the dashboard. */
  motivo: "dono_do_anuncio" | "roleta" | "roleta_fora_do_expediente" | "fixo" | "sem_corretor" | "lead_de_teste";
};

export type RouteLeadInput = {
  imobiliariaId: string;
  timezone: string;
  configuracoes: ConfiguracoesImobiliaria;
  listingCorretorId: string | null;
  now: Date;
  /** Brokers who may not get the lead (one who passed it on via WhatsApp's "Passar adiante"). */
  excluir?: string[];
  /**
   * Where the roleta turn is taken. Default: inside `tx`, so the agency's roleta row stays locked
   * until `tx` commits. The intake passes DbHandle.sideDb instead: its turn is a transaction of its
   * own and the lock lasts one statement, however long the intake's transaction takes afterwards
   * (takeRoletaTurn's `ownTransaction`).
   */
  turnos?: Db;
  /** The agency's brokers, when the caller already read them (the intake, with its other reads). */
  corretores?: CorretorComCarga[];
};

const available = (c: CorretorComCarga, now: Date) => c.ativo !== false && !isPaused(c.preferencias, now);

/** Decides the broker; a roleta turn, once taken, is stored at once (see `turnos`). */
export async function routeLead(tx: Db, input: RouteLeadInput): Promise<RouteDecision> {
  const excluidos = new Set(input.excluir ?? []);
  const corretores = (input.corretores ?? (await listCorretoresComCarga(tx, input.imobiliariaId))).filter(
    (c) => !excluidos.has(c.id),
  );
  const byId = new Map(corretores.map((c) => [c.id, c]));
  const { roteamento, corretorFixoId } = input.configuracoes;

  if (roteamento === "fixo" && corretorFixoId) {
    const fixo = byId.get(corretorFixoId);
    if (fixo && fixo.ativo !== false) return { corretorId: fixo.id, corretorNome: fixo.nome, motivo: "fixo" };
  }
  if (roteamento === "dono_do_anuncio" && input.listingCorretorId) {
    const dono = byId.get(input.listingCorretorId);
    if (dono && available(dono, input.now))
      return { corretorId: dono.id, corretorNome: dono.nome, motivo: "dono_do_anuncio" };
  }
  return spinRoleta(tx, input, corretores);
}

const semCorretor: RouteDecision = { corretorId: null, motivo: "sem_corretor" };

async function spinRoleta(tx: Db, input: RouteLeadInput, corretores: CorretorComCarga[]): Promise<RouteDecision> {
  const ativos = corretores.filter((c) => available(c, input.now));
  const dePlantao = ativos.filter((c) => isOnDuty(c.preferencias, input.now, input.timezone));
  // Nobody on duty (night, Sunday): still pick among active brokers; the Orquestrador schedules the alert.
  const elegiveis = dePlantao.length > 0 ? dePlantao : ativos;
  const pesos = input.configuracoes.pesosRoleta;
  // Open leads were counted with the broker list, before the turn: a tie-break a few milliseconds
  // stale is still a fair one. Brokers off duty right now keep their credits for when they are back.
  const candidates = elegiveis.map((c) => ({ id: c.id, weight: pesos[c.id] ?? 1, openLeads: c.leadsAbertos }));
  if (candidates.every((c) => c.weight <= 0)) return semCorretor;
  const chosenId = input.turnos
    ? await takeRoletaTurn(input.turnos, input.imobiliariaId, candidates, { ownTransaction: true })
    : await takeRoletaTurn(tx, input.imobiliariaId, candidates);
  const chosen = chosenId ? elegiveis.find((c) => c.id === chosenId) : undefined;
  if (!chosen) return semCorretor;
  return {
    corretorId: chosen.id,
    corretorNome: chosen.nome,
    motivo: dePlantao.length > 0 ? "roleta" : "roleta_fora_do_expediente",
  };
}
