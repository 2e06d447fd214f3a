// What the dashboard answers after a manual action on a message (pt-BR), and the notes shown
// beside its buttons before the click.
import type { AcaoEstado } from "@/lib/painel/acao-estado";
import { statusMensagem } from "@/lib/painel/rotulos";
import type { AcaoManual } from "./manual-action-rules";
import type { ManualActionResult } from "./manual-actions";

export const ROTULO_ACAO: Record<AcaoManual, string> = {
  enviar_agora: "Enviar agora",
  tentar_de_novo: "Tentar de novo",
  chegou: "Chegou",
  reenviar: "Reenviar",
};

export const AVISO_ACAO = {
  cota: "Enviar agora conta na cota diária do corretor, acima do limite se ela já estiver cheia.",
  agrupada: "Um resumo agrupado já falou deste lead ao corretor.",
  incerta: "Confira na Twilio se chegou: “Chegou” só marca como enviada; “Reenviar” manda de novo.",
  confirmarReenvio:
    "Reenviar esta mensagem? Se a primeira tiver chegado, o corretor vai recebê-la duas vezes. O reenvio fica registrado.",
} as const;

function feito(result: Extract<ManualActionResult, { kind: "feito" }>): string {
  switch (result.acao) {
    case "enviar_agora": {
      const { usada, limite } = result.cota ?? { usada: 0, limite: 0 };
      const cota =
        usada > limite
          ? `Enviando agora, acima da cota: é a ${usada}ª mensagem de hoje do corretor (limite ${limite}).`
          : `Enviando agora. Conta na cota de hoje do corretor: ${usada} de ${limite}.`;
      return result.jaAgrupada ? `${cota} ${AVISO_ACAO.agrupada}` : cota;
    }
    case "tentar_de_novo":
      return "Nova tentativa na fila de envio.";
    case "chegou":
      return "Marcada como enviada. Nada foi reenviado.";
    case "reenviar":
      return "Reenviando. Se a primeira tinha chegado, o corretor a recebe duas vezes.";
  }
}

export function describeManualResult(result: ManualActionResult, timezone: string): AcaoEstado {
  switch (result.kind) {
    case "feito":
      return { ok: true, mensagem: feito(result) };
    case "sem_permissao":
      return { ok: false, mensagem: "Seu perfil não pode fazer isso com esta mensagem." };
    case "status_mudou": {
      const { rotulo } = statusMensagem({ status: result.atual, scheduledFor: null }, timezone);
      return { ok: false, mensagem: `Nada mudou: a mensagem já está “${rotulo}”. A página foi atualizada.` };
    }
    case "nao_encontrado":
      return { ok: false, mensagem: "Mensagem não encontrada." };
  }
}

/** The notes a person reads before choosing one of `acoes` on this message. */
export function avisosAcao(acoes: readonly AcaoManual[], mensagem: { mensagemAgrupadaId: string | null }): string[] {
  const avisos: string[] = [];
  if (acoes.includes("enviar_agora")) {
    avisos.push(AVISO_ACAO.cota);
    if (mensagem.mensagemAgrupadaId) avisos.push(AVISO_ACAO.agrupada);
  }
  if (acoes.includes("reenviar")) avisos.push(AVISO_ACAO.incerta);
  return avisos;
}
