// The operator's alerts, run by every sweep (both runners) before anything else, so a sweep that
// fails later (Redis down) still records it: measures from the database and the KV ping, decides
// (alertas.ts), then opens or resolves each incident in one transaction with its WhatsApp to every
// agency's active admins with a number. The open-incident index and the compare-and-set on
// `resolvido_em` make two runners at once open one incident and tell each admin once.
import { queueToGestores } from "@/agents/conselheiro/gestao/queue-to-gestores";
import type { Db } from "@/lib/db/client";
import { listImobiliarias } from "@/lib/db/queries/imobiliarias";
import { pipelineBacklog } from "@/lib/db/queries/eventos";
import {
  countErros,
  listIncidentesAbertos,
  openIncidente,
  resolveIncidente,
  type Incidente,
} from "@/lib/db/queries/incidentes";
import type { Kv } from "@/lib/kv/types";
import { log } from "@/lib/log";
import { diaCurto, firstName, horaCurta } from "@/lib/whatsapp/text/compose";
import { decidirAlertas, JANELA_ERROS_MS, type Medicoes } from "./alertas";
import { composeIncidenteAberto, composeIncidenteResolvido } from "./textos";

export type WatchOperacaoDeps = { db: Db; kv: Pick<Kv, "driver" | "ping">; now: () => Date };
export type WatchOperacaoResult = { abertos: string[]; resolvidos: string[]; mensagens: number };

/** A ping slower than this counts as down: the sweep must not hang on a dead Redis. */
export const KV_PING_TIMEOUT_MS = 2_000;

async function pingKv(kv: WatchOperacaoDeps["kv"]): Promise<boolean | null> {
  if (kv.driver === "memory") return null;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.resolve().then(() => kv.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), KV_PING_TIMEOUT_MS);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function medir(deps: WatchOperacaoDeps): Promise<Medicoes> {
  const now = deps.now();
  const [backlog, erros, redisOk] = await Promise.all([
    pipelineBacklog(deps.db).catch(() => null),
    countErros(deps.db, new Date(now.getTime() - JANELA_ERROS_MS), now).catch(() => null),
    pingKv(deps.kv),
  ]);
  return { backlog, erros, redisOk };
}

export async function watchOperacao(deps: WatchOperacaoDeps): Promise<WatchOperacaoResult> {
  const now = deps.now();
  const out: WatchOperacaoResult = { abertos: [], resolvidos: [], mensagens: 0 };
  const [medicoes, abertos] = await Promise.all([medir(deps), listIncidentesAbertos(deps.db)]);
  const decisao = decidirAlertas(medicoes, abertos, now);
  if (decisao.abrir.length === 0 && decisao.resolver.length === 0) return out;
  const agencias = await listImobiliarias(deps.db);
  for (const a of decisao.abrir) {
    out.mensagens += await deps.db.transaction(async (tx) => {
      const inc = await openIncidente(tx, { ...a, abertoEm: now });
      if (!inc) return 0; // another runner opened it and tells the admins itself
      out.abertos.push(inc.id);
      return tellAdmins(tx, agencias, inc, "aberto", now);
    });
  }
  for (const r of decisao.resolver) {
    out.mensagens += await deps.db.transaction(async (tx) => {
      const inc = await resolveIncidente(tx, { id: r.id, resolvidoEm: now, detalhes: r.detalhes });
      if (!inc) return 0;
      out.resolvidos.push(inc.id);
      return tellAdmins(tx, agencias, inc, "resolvido", now);
    });
  }
  log.info("vigilante.operacao", { abertos: out.abertos.length, resolvidos: out.resolvidos.length });
  return out;
}

async function tellAdmins(
  db: Db,
  agencias: { id: string; timezone: string }[],
  inc: Incidente,
  fase: "aberto" | "resolvido",
  now: Date,
): Promise<number> {
  let criadas = 0;
  for (const ag of agencias) {
    const quando = (d: Date) => `${diaCurto(d, ag.timezone)} às ${horaCurta(d, ag.timezone)}`;
    const rows = await queueToGestores(
      { db, now: () => now },
      {
        imobiliariaId: ag.id,
        tipo: "alerta_operacao",
        chave: `operacao:${inc.id}:${fase}`,
        papeis: ["admin"],
        corpo: (g) =>
          fase === "aberto"
            ? composeIncidenteAberto(inc, firstName(g.nome), quando(inc.abertoEm))
            : composeIncidenteResolvido(inc, firstName(g.nome), quando(inc.abertoEm), quando(inc.resolvidoEm ?? now)),
      },
    );
    criadas += rows.filter((m) => m.criada).length;
  }
  return criadas;
}
