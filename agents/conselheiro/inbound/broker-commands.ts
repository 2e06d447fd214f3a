// The typed commands that are not about one lead: resumo, pausar, retomar, ajuda (and the hint
// for anything else). Each runs inside the reply's transaction.
import { loadDailySummaryData } from "@/agents/analista/daily-summary-data";
import { updatePreferencias } from "@/lib/db/queries/corretores";
import { isPaused } from "@/lib/time/working-hours";
import type { ReplyAction, ReplyContext } from "./broker-reply-types";
import { quandoTexto, REPLY_TEXTS } from "./broker-reply-texts";
import type { BrokerCommand, PausaPedido } from "./parse-broker-reply";
import { resolvePausa } from "./resolve-pausa";

type Comando = Exclude<BrokerCommand, { tipo: "lead" }>;

export async function runCommand(ctx: ReplyContext, command: Comando): Promise<ReplyAction> {
  switch (command.tipo) {
    case "resumo":
      return resumoAgora(ctx);
    case "pausar":
      return command.pausa ? pausar(ctx, command.pausa) : { acao: "pausa_invalida", texto: REPLY_TEXTS.pausaInvalida };
    case "retomar":
      return retomar(ctx);
    case "ajuda":
      return { acao: "ajuda", texto: REPLY_TEXTS.ajuda };
    case "desconhecido":
      return { acao: "dica", texto: REPLY_TEXTS.dica };
  }
}

async function resumoAgora(ctx: ReplyContext): Promise<ReplyAction> {
  const data = await loadDailySummaryData(ctx.tx, {
    corretor: ctx.corretor,
    imobiliaria: ctx.imobiliaria,
    now: ctx.now,
  });
  return { acao: "resumo", texto: ctx.writer.resumoDiario(data).corpo };
}

async function pausar(ctx: ReplyContext, pausa: PausaPedido): Promise<ReplyAction> {
  const { corretor, imobiliaria, now } = ctx;
  const ate = resolvePausa(pausa, corretor.preferencias, now, imobiliaria.timezone);
  await updatePreferencias(ctx.tx, imobiliaria.id, corretor.id, { pausadoAte: ate.toISOString() });
  return {
    acao: "pausado",
    texto: REPLY_TEXTS.pausado(quandoTexto(ate, now, imobiliaria.timezone)),
  };
}

async function retomar(ctx: ReplyContext): Promise<ReplyAction> {
  const { corretor, imobiliaria, now } = ctx;
  if (!isPaused(corretor.preferencias, now)) {
    // An expired pause still sits in the row; clearing it keeps the dashboard honest.
    if (corretor.preferencias.pausadoAte !== null)
      await updatePreferencias(ctx.tx, imobiliaria.id, corretor.id, { pausadoAte: null });
    return { acao: "nao_estava_pausado", texto: REPLY_TEXTS.naoEstavaPausado };
  }
  await updatePreferencias(ctx.tx, imobiliaria.id, corretor.id, { pausadoAte: null });
  return { acao: "retomado", texto: REPLY_TEXTS.retomado };
}
