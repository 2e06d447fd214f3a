// A manager hands a lead to another broker from the lead page: the same hand-over as the broker's
// "Passar adiante" (the old broker's pending alerts cancelled, the new broker alerted through the
// Orquestrador), with the broker chosen by the manager instead of the roleta.
import { handOverLead } from "@/agents/conselheiro/inbound/hand-over-lead";
import { giveBackQuotaSlot } from "@/agents/orquestrador/take-quota";
import type { Dispatch } from "@/agents/pipeline-events";
import { z } from "zod";
import { isInScope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import { getCorretorById } from "@/lib/db/queries/corretores";
import { ACAO_PASSAR_ADIANTE } from "@/lib/db/schema";
import type { Lead } from "@/lib/db/queries/leads";
import { lockLeadForUpdate, touchLeadInteracao } from "@/lib/db/queries/leads-resposta";
import type { Kv } from "@/lib/kv/types";
import { log } from "@/lib/log";
import type { LeadActor } from "./lead-status";

export const reatribuicaoSchema = z.object({
  leadId: z.string().trim().min(1).max(50),
  paraCorretorId: z.string().trim().min(1, "Escolha o corretor.").max(50),
});
export type Reatribuicao = z.input<typeof reatribuicaoSchema>;

export type ReassignDeps = { db: Db; kv: Kv; dispatch: Dispatch; now: () => Date };

export type ReassignResult =
  | { kind: "feito"; lead: Lead; para: string }
  | { kind: "nao_encontrado" }
  /** A broker login: reassigning is the manager's (a broker uses "Passar adiante"). */
  | { kind: "sem_permissao" }
  /** Not a broker of the agency, inactive, or the one who already has it. */
  | { kind: "corretor_invalido" };

export async function reassignLeadFromPainel(
  deps: ReassignDeps,
  actor: LeadActor,
  input: Reatribuicao,
): Promise<ReassignResult> {
  const data = reatribuicaoSchema.parse(input);
  const now = deps.now();
  const { imobiliariaId } = actor.scope;
  const done = await deps.db.transaction(async (tx) => {
    const lead = await lockLeadForUpdate(tx, imobiliariaId, data.leadId);
    if (!lead || !isInScope(actor.scope, lead)) return { kind: "nao_encontrado" } as const;
    if (actor.scope.corretorId !== null) return { kind: "sem_permissao" } as const;
    const para = await getCorretorById(tx, imobiliariaId, data.paraCorretorId);
    if (!para || para.ativo === false || para.id === lead.corretorId) return { kind: "corretor_invalido" } as const;
    const atual = lead.corretorId ? await getCorretorById(tx, imobiliariaId, lead.corretorId) : null;
    const de = lead.corretorId ? { id: lead.corretorId, nome: atual?.nome ?? "o corretor anterior" } : null;
    const feito = await handOverLead(tx, {
      imobiliariaId,
      lead,
      de,
      para,
      now,
      conteudo: `${actor.nome} passou o lead ${de ? `de ${de.nome} ` : ""}para ${para.nome} pelo painel.`,
      // A hand-over by another name: recorded as one, so its note is nobody's first response (the
      // trigger of migration 0019 skips ACOES_SEM_RESPOSTA) and the new broker's SLA clock runs.
      metadata: { acao: ACAO_PASSAR_ADIANTE, via: "painel", usuarioId: actor.usuarioId },
    });
    if (!feito) return { kind: "nao_encontrado" } as const;
    await touchLeadInteracao(tx, lead, now);
    return { kind: "feito", feito, para: para.id } as const;
  });
  if (done.kind !== "feito") return done;

  // KV and pipeline are best effort once committed: the rows are the truth, and a sweep finds the event.
  const { feito } = done;
  if (feito.giveBackQuota) {
    const { corretorId, usedAt } = feito.giveBackQuota;
    await Promise.all(usedAt.map((at) => giveBackQuotaSlot(deps.kv, corretorId, at)));
  }
  const evento = feito.leadRecebido;
  await deps
    .dispatch("lead/received", evento, `lead-received-${evento.eventoId}`)
    .catch((err: unknown) =>
      log.warn("pipeline.dispatch_failed", { what: "lead_reatribuido", leadId: evento.leadId, error: String(err) }),
    );
  return { kind: "feito", lead: { ...feito.lead, dataUltimaInteracao: now }, para: done.para };
}
