// The grouping sweep: for each broker whose window closed (or whose group is full), ONE `agrupada`
// message covering the waiting warm events plus any alerts the quota held back, for one quota slot.
// Postgres is the queue: events decided `agrupar` that no digest covers yet (lib/kv/keys.ts says why no KV list).
import { templateWriter } from "@/agents/conselheiro/compose/templates";
import type { Db } from "@/lib/db/client";
import { getCorretorById, type Corretor } from "@/lib/db/queries/corretores";
import { listEventosAguardandoAgrupamento, markEventosAgrupados, type Evento } from "@/lib/db/queries/eventos";
import { getImobiliariaByIdCached, type Imobiliaria } from "@/lib/db/queries/imobiliarias";
import { getLeadById, type Lead } from "@/lib/db/queries/leads";
import { insertMensagemOnce, type Mensagem } from "@/lib/db/queries/mensagens";
import { listRetidasSemAgrupada, lockCorretorQuota, markRetidasAgrupadas } from "@/lib/db/queries/mensagens-quota";
import { log } from "@/lib/log";
import { isOnDuty } from "@/lib/time/working-hours";
import { remetenteFor, toLeadLinha } from "./load-evento-context";
import type { OrquestradorDeps } from "./process-evento";
import { takeQuota, type QuotaSlot } from "./take-quota";

export type FlushOutcome = "enviada" | "aguardando_janela" | "aguardando_cota" | "fora_do_expediente" | "vazia";
export type FlushResult = { mensagemIds: string[]; porCorretor: Record<string, FlushOutcome> };

export const agrupadaKey = (corretorId: string, primeiroEventoId: string) =>
  `agrupada:${corretorId}:${primeiroEventoId}`;

export async function flushAgrupamentos(
  deps: OrquestradorDeps,
  opts: { corretorId?: string } = {},
): Promise<FlushResult> {
  const [mornos, retidas] = await Promise.all([
    listEventosAguardandoAgrupamento(deps.db, opts),
    listRetidasSemAgrupada(deps.db, opts),
  ]);
  const corretores = new Map<string, string>(); // corretorId → imobiliariaId
  for (const e of mornos) if (e.corretorId && e.imobiliariaId) corretores.set(e.corretorId, e.imobiliariaId);
  for (const m of retidas) if (m.corretorId) corretores.set(m.corretorId, m.imobiliariaId);

  const result: FlushResult = { mensagemIds: [], porCorretor: {} };
  for (const [corretorId, imobiliariaId] of corretores) {
    const outcome = await flushCorretor(deps, imobiliariaId, corretorId);
    result.porCorretor[corretorId] = outcome.outcome;
    if (outcome.mensagemId) result.mensagemIds.push(outcome.mensagemId);
  }
  return result;
}

type Pending = { mornos: Evento[]; retidas: Mensagem[] };

function isDue(p: Pending, corretor: Corretor, now: Date): boolean {
  if (p.retidas.length > 0) return true; // held hot leads go out with the first slot available
  if (p.mornos.length >= corretor.preferencias.agrupamento.tamanhoMaximo) return true;
  const oldest = p.mornos[0];
  const decisao = oldest?.metadata?.decisao as { janelaFechaEm?: string } | undefined;
  return decisao?.janelaFechaEm !== undefined && new Date(decisao.janelaFechaEm).getTime() <= now.getTime();
}

type CorretorFlush = { outcome: FlushOutcome; mensagemId?: string };

async function flushCorretor(
  deps: OrquestradorDeps,
  imobiliariaId: string,
  corretorId: string,
): Promise<CorretorFlush> {
  const now = deps.now();
  const [corretor, imobiliaria] = await Promise.all([
    getCorretorById(deps.db, imobiliariaId, corretorId),
    getImobiliariaByIdCached(deps.db, imobiliariaId),
  ]);
  // Off duty, paused or inactive: the events wait in Postgres (and show in the dashboard).
  if (!corretor?.ativo || !imobiliaria || !isOnDuty(corretor.preferencias, now, imobiliaria.timezone)) {
    return { outcome: "fora_do_expediente" };
  }
  const held: { slot: QuotaSlot | null } = { slot: null };
  try {
    const outcome = await deps.db.transaction(async (tx): Promise<CorretorFlush> => {
      await lockCorretorQuota(tx, corretorId); // one flush per broker at a time; re-read under the lock
      const pending: Pending = {
        mornos: await listEventosAguardandoAgrupamento(tx, { corretorId }),
        retidas: await listRetidasSemAgrupada(tx, { corretorId }),
      };
      if (pending.mornos.length === 0 && pending.retidas.length === 0) return { outcome: "vazia" };
      if (!isDue(pending, corretor, now)) return { outcome: "aguardando_janela" };
      held.slot = await takeQuota(
        { tx, kv: deps.kv, now },
        { id: corretorId, limiteDiario: corretor.preferencias.limiteDiario },
      );
      // Quota spent: write nothing. The events stay "without a digest" and the first flush after
      // the São Paulo midnight (within the broker's hours) sends them with the new day's first slot.
      if (!held.slot.allowed) return { outcome: "aguardando_cota" };
      const mensagem = await insertDigest({ ...deps, tx, now }, imobiliaria, corretor, pending);
      if (!mensagem.criada) {
        await held.slot.giveBack();
        held.slot = null;
      }
      return { outcome: "enviada", mensagemId: mensagem.id };
    });
    return outcome;
  } catch (err) {
    await held.slot?.giveBack();
    throw err;
  }
}

type TxDeps = Omit<OrquestradorDeps, "now"> & { tx: Db; now: Date };

async function insertDigest(deps: TxDeps, imobiliaria: Imobiliaria, corretor: Corretor, p: Pending) {
  const leads = new Map<string, Lead>();
  const leadIds = [...p.retidas.map((m) => m.leadId), ...p.mornos.map((e) => e.leadId)].filter(
    (id): id is string => !!id,
  );
  for (const id of new Set(leadIds)) {
    const lead = await getLeadById(deps.tx, imobiliaria.id, id);
    if (lead) leads.set(id, lead);
  }
  const linhas = (ids: (string | null)[]) =>
    [...new Set(ids)].flatMap((id) => (id && leads.get(id) ? [toLeadLinha(leads.get(id)!)] : []));
  const retidosIds = new Set(p.retidas.map((m) => m.leadId));
  const eventoIds = [...new Set([...p.retidas.map((m) => m.eventoId!), ...p.mornos.map((e) => e.id)])].sort();
  const desde = [...p.retidas.map((m) => m.criadoEm), ...p.mornos.map((e) => e.dataDeteccao ?? deps.now)].reduce(
    (a, b) => (b < a ? b : a),
    deps.now,
  );
  const composed = (deps.writer ?? templateWriter).agrupada({
    retidos: linhas(p.retidas.map((m) => m.leadId)),
    // A lead already listed as held is not repeated among the warm ones.
    leads: linhas(p.mornos.map((e) => e.leadId).filter((id) => !retidosIds.has(id))),
    desde,
    agora: deps.now,
    timezone: imobiliaria.timezone,
    limiteDiario: corretor.preferencias.limiteDiario,
    remetente: remetenteFor(corretor, imobiliaria),
  });
  const { mensagem, criada } = await insertMensagemOnce(deps.tx, {
    imobiliariaId: imobiliaria.id,
    corretorId: corretor.id,
    eventoIds,
    tipo: "agrupada",
    destino: corretor.telefone,
    ...composed,
    status: "pendente",
    idempotencyKey: agrupadaKey(corretor.id, eventoIds[0]!),
    criadoEm: deps.now,
  });
  // Told in the same transaction as the digest row, so the next sweep no longer finds them waiting.
  const told = { id: mensagem.id, corretorId: corretor.id, eventoIds: mensagem.eventoIds };
  await markEventosAgrupados(deps.tx, told);
  await markRetidasAgrupadas(deps.tx, told);
  log.info("orquestrador.agrupada_written", {
    corretorId: corretor.id,
    mensagemId: mensagem.id,
    eventos: eventoIds.length,
    criada,
  });
  return { id: mensagem.id, criada };
}
