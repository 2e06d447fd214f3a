// What a person does to one message from the dashboard: send a held alert now, retry a failed one,
// settle an uncertain one. Each is one compare-and-set on the row's current status, written with
// its audit row in one transaction, so two clicks or two managers change it once and send it once.
// The send itself is the pipeline's (message/send): the row goes back to `pendente` and the sender
// claims it as any other, calling the provider at most once per attempt.
import { z } from "zod";
import { takeQuotaOverride, type QuotaSlot } from "@/agents/orquestrador/take-quota";
import type { Dispatch } from "@/agents/pipeline-events";
import { isInScope, type Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import { insertAuditoria } from "@/lib/db/queries/auditoria";
import { getCorretorById } from "@/lib/db/queries/corretores";
import { getMensagemById, transitionMensagem, type Mensagem } from "@/lib/db/queries/mensagens";
import type { MensagemStatus, Papel } from "@/lib/db/schema";
import type { Kv } from "@/lib/kv/types";
import { log } from "@/lib/log";
import { ACOES_MANUAIS, REGRAS_ACAO, type AcaoManual } from "./manual-action-rules";
import { OUTSIDE_WINDOW } from "./send-policy";

export const acaoManualSchema = z.object({
  mensagemId: z.string().trim().min(1).max(50),
  acao: z.enum(ACOES_MANUAIS, "Ação desconhecida."),
});
export type AcaoManualInput = z.input<typeof acaoManualSchema>;

export type ManualActor = { scope: Scope; usuarioId: string; papel: Papel };
export type ManualActionDeps = { db: Db; kv: Kv; dispatch: Dispatch; now: () => Date };

export type ManualActionResult =
  | {
      kind: "feito";
      acao: AcaoManual;
      mensagem: Mensagem;
      /** Enviar agora: the broker's slots today counting this one, and their limit. */
      cota?: { usada: number; limite: number };
      /** Enviar agora: a digest had already told the broker about this lead. */
      jaAgrupada?: boolean;
    }
  /** Missing, another agency's, or another broker's: the same answer, and nothing changes. */
  | { kind: "nao_encontrado" }
  | { kind: "sem_permissao" }
  /** Not (or no longer) in the status the action starts from: someone acted first. */
  | { kind: "status_mudou"; atual: MensagemStatus };

type Change = { to: Parameters<typeof transitionMensagem>[3]; detalhes: Record<string, string | number | boolean> };

export async function runManualAction(
  deps: ManualActionDeps,
  actor: ManualActor,
  input: AcaoManualInput,
): Promise<ManualActionResult> {
  const { mensagemId, acao } = acaoManualSchema.parse(input);
  const row = await getMensagemById(deps.db, mensagemId);
  if (!row || !isInScope(actor.scope, row)) return { kind: "nao_encontrado" };
  const regra = REGRAS_ACAO[acao];
  if (!regra.papeis.includes(actor.papel)) return { kind: "sem_permissao" };
  if (row.status !== regra.de) return { kind: "status_mudou", atual: row.status };

  const now = deps.now();
  const held: { slot: QuotaSlot | null } = { slot: null };
  let done: ManualActionResult;
  try {
    done = await deps.db.transaction(async (tx) => {
      let cota: { usada: number; limite: number } | undefined;
      // Only a broker's alert is ever held by the quota; a manager's message never reaches this branch.
      if (acao === "enviar_agora" && row.corretorId) {
        held.slot = await takeQuotaOverride({ tx, kv: deps.kv, now }, row.corretorId);
        const corretor = await getCorretorById(tx, row.imobiliariaId, row.corretorId);
        cota = { usada: held.slot.count, limite: corretor?.preferencias.limiteDiario ?? 0 };
      }
      const change = changeFor(acao, row, now, cota);
      const saved = await transitionMensagem(tx, row.id, [regra.de], change.to, now);
      if (!saved) {
        await held.slot?.giveBack();
        held.slot = null;
        const atual = (await getMensagemById(tx, row.id))?.status ?? regra.de;
        return { kind: "status_mudou", atual } as const;
      }
      await insertAuditoria(tx, {
        imobiliariaId: row.imobiliariaId,
        usuarioId: actor.usuarioId,
        acao: `mensagem.${acao}`,
        alvoTipo: "mensagem",
        alvoId: row.id,
        detalhes: {
          papel: actor.papel,
          corretorId: row.corretorId,
          de: row.status,
          para: saved.status,
          ...change.detalhes,
        },
        criadoEm: now,
      });
      return { kind: "feito", acao, mensagem: saved, cota, jaAgrupada: row.mensagemAgrupadaId !== null } as const;
    });
  } catch (err) {
    await held.slot?.giveBack();
    throw err;
  }
  if (done.kind === "feito" && done.mensagem.status === "pendente") await dispatchSend(deps, done.mensagem, acao);
  return done;
}

function changeFor(acao: AcaoManual, row: Mensagem, now: Date, cota?: { usada: number; limite: number }): Change {
  // The 24-hour-window marker survives a manual resend: outside the window only the template can go.
  const erroCodigo = row.erroCodigo === OUTSIDE_WINDOW ? OUTSIDE_WINDOW : null;
  switch (acao) {
    case "enviar_agora":
      // scheduled_for = now puts the slot in today's count, whatever day the alert was held.
      return {
        to: { status: "pendente", scheduledFor: now, erroCodigo: null, erroMensagem: null },
        detalhes: {
          cotaUsada: cota!.usada,
          cotaLimite: cota!.limite,
          acimaDoLimite: cota!.usada > cota!.limite,
          ...(row.mensagemAgrupadaId ? { agrupadaId: row.mensagemAgrupadaId } : {}),
        },
      };
    case "tentar_de_novo":
      return {
        to: { status: "pendente", erroCodigo, erroMensagem: null },
        detalhes: { erroAnterior: row.erroCodigo ?? "", tentativas: row.tentativas },
      };
    case "chegou":
      return {
        to: { status: "enviada", sentAt: row.atualizadoEm, erroCodigo: null },
        detalhes: { semEnvio: true, erroAnterior: row.erroCodigo ?? "" },
      };
    case "reenviar":
      // Without the "unconfirmed" marker the sender sends at once instead of looking up first: the
      // lookup is what failed, and the admin accepted a possible duplicate.
      return {
        to: { status: "pendente", erroCodigo, erroMensagem: null },
        detalhes: { aceitaDuplicata: true, erroAnterior: row.erroCodigo ?? "", tentativas: row.tentativas },
      };
  }
}

async function dispatchSend(deps: ManualActionDeps, row: Mensagem, acao: AcaoManual) {
  // One key per manual attempt: a repeated hand-over is a no-op, a later retry is not. A lost
  // dispatch only delays the send: the sweep finds the pending row.
  const key = `message-send-${row.id}-${acao}-${row.tentativas}`;
  await deps
    .dispatch("message/send", { mensagemId: row.id, corretorId: row.corretorId }, key)
    .catch((err: unknown) =>
      log.warn("pipeline.dispatch_failed", { what: `mensagem_${acao}`, mensagemId: row.id, error: String(err) }),
    );
}
