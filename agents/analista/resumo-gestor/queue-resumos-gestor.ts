// The management's summaries, queued by the same summaries step as the brokers' (inngest/
// summaries-step.ts): for each agency with an admin/gestor who gave a WhatsApp number, each summary
// now due whose rows are not all written yet gets its figures loaded once and one row per person
// (queueToGestores, key `<chave>:<usuario>`). Nothing to report → no row; nobody with a number → no
// work at all. The sender sends the rows like any other.
import { composeResumoGestor } from "@/agents/conselheiro/compose/compose-resumo-gestor";
import { queueToGestores } from "@/agents/conselheiro/gestao/queue-to-gestores";
import type { Db } from "@/lib/db/client";
import { getImobiliariaByIdCached } from "@/lib/db/queries/imobiliarias";
import { listChavesExistentes } from "@/lib/db/queries/mensagens-resumo";
import { listGestoresDestino } from "@/lib/db/queries/resumo-gestor";
import { forEachLimited } from "@/lib/async/for-each-limited";
import { log } from "@/lib/log";
import { loadResumoGestor } from "./load-resumo-gestor";
import { resumoGestorDue, type ResumoGestorDue } from "./resumo-gestor-schedule";

// Agencies at a time: each loads its figures in four parallel reads already.
const CONCURRENCIA = 2;

export type ResumosGestorResult = {
  /** Rows this call created: send each one. */
  enfileirados: { mensagemId: string; usuarioId: string }[];
  /** Keys with nothing to report (their period is over, so this stays true: callers may remember them). */
  vazios: string[];
  falhas: number;
};

export async function queueResumosGestor(
  deps: { db: Db; now: () => Date },
  opts: { ignorar?: ReadonlySet<string> } = {},
): Promise<ResumosGestorResult> {
  const now = deps.now();
  const result: ResumosGestorResult = { enfileirados: [], vazios: [], falhas: 0 };
  const porImobiliaria = new Map<string, string[]>();
  for (const g of await listGestoresDestino(deps.db)) {
    porImobiliaria.set(g.imobiliariaId, [...(porImobiliaria.get(g.imobiliariaId) ?? []), g.usuarioId]);
  }
  const candidatos: {
    imobiliaria: NonNullable<Awaited<ReturnType<typeof getImobiliariaByIdCached>>>;
    due: ResumoGestorDue;
    chaves: string[];
  }[] = [];
  for (const [imobiliariaId, usuarios] of porImobiliaria) {
    const imobiliaria = await getImobiliariaByIdCached(deps.db, imobiliariaId);
    if (!imobiliaria) continue;
    for (const due of resumoGestorDue(imobiliaria, now)) {
      if (opts.ignorar?.has(due.chave)) continue;
      candidatos.push({ imobiliaria, due, chaves: usuarios.map((u) => `${due.chave}:${u}`) });
    }
  }
  if (candidatos.length === 0) return result;
  const existentes = await listChavesExistentes(
    deps.db,
    candidatos.flatMap((c) => c.chaves),
  );

  const devidos = candidatos.filter((c) => c.chaves.some((k) => !existentes.has(k)));
  await forEachLimited(devidos, CONCURRENCIA, async ({ imobiliaria, due }) => {
    try {
      const data = await loadResumoGestor(deps.db, { imobiliaria, tipo: due.tipo, periodo: due.periodo, now });
      if (data.vazio) {
        result.vazios.push(due.chave);
        return;
      }
      const mensagem = composeResumoGestor(data);
      const rows = await queueToGestores(deps, {
        imobiliariaId: imobiliaria.id,
        tipo: "resumo_gestor",
        chave: due.chave,
        papeis: ["admin", "gestor"],
        corpo: () => mensagem,
      });
      for (const r of rows)
        if (r.criada) result.enfileirados.push({ mensagemId: r.mensagemId, usuarioId: r.usuarioId });
    } catch (err) {
      // One agency's failure must not hold back the others'; the next tick retries it.
      result.falhas++;
      log.error("analista.resumo_gestor_failed", { chave: due.chave, error: String(err) });
    }
  });
  return result;
}
