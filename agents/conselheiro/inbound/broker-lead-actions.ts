// The quick replies on a lead alert: "Já contatei", "Passar adiante", "Lembrar em 1h". Each runs
// inside the reply's transaction with the lead row-locked, and only on the broker's own lead.
import { toLeadLinha } from "@/agents/orquestrador/load-evento-context";
import { routeLead } from "@/agents/vigilante/route-lead";
import { getCorretorById } from "@/lib/db/queries/corretores";
import { getImovelById } from "@/lib/db/queries/imoveis";
import { insertInteracao } from "@/lib/db/queries/interacoes";
import type { Lead } from "@/lib/db/queries/leads";
import { lockLeadForUpdate, markLeadEmContato } from "@/lib/db/queries/leads-resposta";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { findLeadDaMensagemRespondida } from "@/lib/db/queries/mensagens-resposta";
import { parseConfiguracoes } from "@/lib/domain/configuracoes-imobiliaria";
import type { ReplyAction, ReplyContext } from "./broker-reply-types";
import { quandoTexto, REPLY_TEXTS } from "./broker-reply-texts";
import { handOverLead } from "./hand-over-lead";
import type { LeadAcao } from "./parse-broker-reply";
import { runVisitaAction } from "./visita-replies";

export const LEMBRETE_MS = 60 * 60_000;
/** A button without payload refers to a lead alerted within Twilio's 24-hour session window. */
const JANELA_RESPOSTA_MS = 24 * 60 * 60_000;

export const lembreteKey = (leadId: string, corretorId: string, messageSid: string) =>
  `lembrete:${leadId}:${corretorId}:${messageSid}`;

export async function runLeadAction(ctx: ReplyContext, acao: LeadAcao, leadId: string | null): Promise<ReplyAction> {
  const id =
    leadId ??
    (await findLeadDaMensagemRespondida(ctx.tx, ctx.corretor.id, {
      providerSid: ctx.respondidaSid,
      desde: new Date(ctx.now.getTime() - JANELA_RESPOSTA_MS),
    }));
  if (!id) return { acao: "lead_nao_identificado", texto: REPLY_TEXTS.semLead };
  const lead = await lockLeadForUpdate(ctx.tx, ctx.imobiliaria.id, id);
  // Another agency's lead and another broker's look the same: not yours, nothing changes.
  if (!lead || lead.corretorId !== ctx.corretor.id) return { acao: "lead_de_outro", texto: REPLY_TEXTS.leadDeOutro };
  switch (acao) {
    case "ja_contatei":
      return markContatado(ctx, lead);
    case "passar":
      return passarAdiante(ctx, lead);
    case "lembrar":
      return agendarLembrete(ctx, lead);
    case "visita_realizada":
    case "visita_perdida":
    case "remarcar":
      return runVisitaAction(ctx, acao, lead);
  }
}

async function markContatado(ctx: ReplyContext, lead: Lead): Promise<ReplyAction> {
  const base = { leadId: lead.id };
  const updated = await markLeadEmContato(ctx.tx, lead, ctx.now);
  if (!updated) return { ...base, acao: "lead_ja_estava", texto: REPLY_TEXTS.jaEstava(lead.nome, lead.status) };
  // Leaving `novo` happens once per lead, so the first-response time is recorded once.
  const minutos = lead.dataPrimeiroContato
    ? Math.max(0, Math.round((ctx.now.getTime() - lead.dataPrimeiroContato.getTime()) / 60_000))
    : null;
  await insertInteracao(ctx.tx, {
    leadId: lead.id,
    tipo: "contato_corretor",
    data: ctx.now,
    conteudo: "Corretor confirmou o contato pelo WhatsApp (Já contatei).",
    metadata: {
      corretorId: ctx.corretor.id,
      via: "whatsapp",
      messageSid: ctx.messageSid,
      tempoPrimeiraRespostaMin: minutos,
    },
  });
  return { ...base, acao: "lead_em_contato", texto: REPLY_TEXTS.jaContatei(lead.nome, minutos) };
}

async function passarAdiante(ctx: ReplyContext, lead: Lead): Promise<ReplyAction> {
  const { tx, corretor, imobiliaria, now } = ctx;
  const route = await routeLead(tx, {
    imobiliariaId: imobiliaria.id,
    timezone: imobiliaria.timezone,
    configuracoes: parseConfiguracoes(imobiliaria.configuracoes),
    listingCorretorId: null,
    now,
    excluir: [corretor.id],
  });
  const novo = route.corretorId ? await getCorretorById(tx, imobiliaria.id, route.corretorId) : null;
  if (!novo) return { acao: "sem_outro_corretor", texto: REPLY_TEXTS.semOutroCorretor(lead.nome), leadId: lead.id };
  const feito = await handOverLead(tx, {
    imobiliariaId: imobiliaria.id,
    lead,
    de: corretor,
    para: novo,
    now,
    conteudo: `${corretor.nome} passou o lead para ${novo.nome} pelo WhatsApp (Passar adiante).`,
    metadata: { acao: "passar_adiante", roteamento: route.motivo, via: "whatsapp", messageSid: ctx.messageSid },
  });
  if (!feito) return { acao: "lead_de_outro", texto: REPLY_TEXTS.leadDeOutro };
  return {
    acao: "lead_passado",
    texto: REPLY_TEXTS.passado(lead.nome, novo.nome),
    leadId: lead.id,
    leadRecebido: feito.leadRecebido,
    ...(feito.giveBackQuota ? { giveBackQuota: feito.giveBackQuota } : {}),
  };
}

async function agendarLembrete(ctx: ReplyContext, lead: Lead): Promise<ReplyAction> {
  const { tx, corretor, imobiliaria, now } = ctx;
  const quando = new Date(now.getTime() + LEMBRETE_MS);
  const imovel = lead.imovelId ? await getImovelById(tx, imobiliaria.id, lead.imovelId) : null;
  const composed = ctx.writer.lembrete({
    lead: toLeadLinha(lead),
    imovel: imovel ? { titulo: imovel.titulo, codigo: imovel.codigo, bairro: imovel.bairro } : null,
    recebidoEm: lead.dataPrimeiroContato ?? now,
    timezone: imobiliaria.timezone,
    remetente: { corretorId: corretor.id, corretorNome: corretor.nome, imobiliariaNome: imobiliaria.nome },
  });
  // Quota-free and `agendada`: the sweep sends it once `scheduled_for` comes due.
  await insertMensagemOnce(tx, {
    imobiliariaId: imobiliaria.id,
    corretorId: corretor.id,
    leadId: lead.id,
    tipo: "lembrete",
    destino: corretor.telefone,
    ...composed,
    status: "agendada",
    scheduledFor: quando,
    idempotencyKey: lembreteKey(lead.id, corretor.id, ctx.messageSid),
    criadoEm: now,
  });
  return {
    acao: "lembrete_agendado",
    leadId: lead.id,
    texto: REPLY_TEXTS.lembrete(lead.nome, quandoTexto(quando, now, imobiliaria.timezone)),
  };
}
