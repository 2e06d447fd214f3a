"use server";
// Server actions of the lead page: parse, authorize on the server, call the domain, refresh the page.
// A lead the login may not touch (missing, another agency's, another broker's) is the same 404.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { addLeadNote, changeLeadStatus, mudancaStatusSchema, notaSchema } from "@/agents/vigilante/lead-status";
import { giveBackQuotaSlot } from "@/agents/orquestrador/take-quota";
import { reassignLeadFromPainel, reatribuicaoSchema } from "@/agents/vigilante/reassign-lead";
import { optOutFromPainel } from "@/agents/vigilante/opt-out";
import { dispatch } from "@/inngest/dispatch";
import { requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { getKv } from "@/lib/kv";
import { log } from "@/lib/log";
import type { LeadStatus } from "@/lib/db/schema";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { formErrors, type AcaoEstado } from "@/lib/painel/acao-estado";
import { parseDataHoraLocal } from "@/lib/painel/data-hora-local";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";

const texto = (form: FormData, campo: string) => {
  const v = form.get(campo);
  return typeof v === "string" ? v : undefined;
};

export async function mudarStatusAction(_prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  const { viewer, scope } = await requireScope();
  const { timezone } = await loadImobiliaria(scope.imobiliariaId);
  const visita = texto(form, "visitaEm")?.trim();
  const visitaEm = visita ? parseDataHoraLocal(visita, timezone) : undefined;
  if (visitaEm === null) return { ok: false, erros: { visitaEm: "Data e hora inválidas." } };
  const remarcar = texto(form, "para") === "visita_agendada" && texto(form, "de") === "visita_agendada";
  if (remarcar && !visitaEm) return { ok: false, erros: { visitaEm: "Escolha a nova data da visita." } };
  const parsed = mudancaStatusSchema.safeParse({
    leadId: texto(form, "leadId"),
    para: texto(form, "para"),
    de: texto(form, "de") || null,
    motivo: texto(form, "motivo"),
    visitaEm,
  });
  if (!parsed.success) return { ok: false, erros: formErrors(parsed.error) };
  const { db } = await getDb();
  const actor = { scope, usuarioId: viewer.userId, nome: viewer.nome };
  const result = await changeLeadStatus(db, actor, parsed.data, new Date(), timezone);
  if (result.kind === "nao_encontrado") notFound();
  if (result.kind === "feito" && result.giveBackQuota) {
    // Committed: the cancelled alerts' slots return to the broker's day (KV is best effort, as on a hand-over).
    const { corretorId, usedAt } = result.giveBackQuota;
    const kv = getKv();
    await Promise.all(usedAt.map((at) => giveBackQuotaSlot(kv, corretorId, at)));
  }
  revalidatePath(`/leads/${parsed.data.leadId}`);
  if (result.kind === "status_mudou") {
    return { ok: false, mensagem: `O lead já estava em “${rotulo(result.atual)}”. A página foi atualizada.` };
  }
  if (remarcar) return { ok: true, mensagem: "Visita remarcada. Os lembretes seguem a nova data." };
  return { ok: true, mensagem: `Status alterado para “${rotulo(parsed.data.para)}”.` };
}

export async function adicionarNotaAction(_prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  const { viewer, scope } = await requireScope();
  const parsed = notaSchema.safeParse({ leadId: texto(form, "leadId"), texto: texto(form, "texto") });
  if (!parsed.success) return { ok: false, erros: formErrors(parsed.error) };
  const { db } = await getDb();
  const now = new Date();
  const result = await addLeadNote(db, { scope, usuarioId: viewer.userId, nome: viewer.nome }, parsed.data, now);
  if (result.kind === "nao_encontrado") notFound();
  // The note is committed: the ConversationAnalyzer reads it within seconds (a lost hand-over waits for the sweep).
  await dispatch(
    "interacao/recorded",
    { leadId: parsed.data.leadId },
    `nota-${parsed.data.leadId}-${now.getTime()}`,
  ).catch((err: unknown) => log.warn("analise.dispatch_failed", { error: String(err) }));
  revalidatePath(`/leads/${parsed.data.leadId}`);
  return { ok: true, mensagem: "Nota adicionada." };
}

export async function reatribuirAction(_prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  const { viewer, scope } = await requireScope();
  const parsed = reatribuicaoSchema.safeParse({
    leadId: texto(form, "leadId"),
    paraCorretorId: texto(form, "paraCorretorId"),
  });
  if (!parsed.success) return { ok: false, erros: formErrors(parsed.error) };
  const { db } = await getDb();
  const deps = { db, kv: getKv(), dispatch, now: () => new Date() };
  const actor = { scope, usuarioId: viewer.userId, nome: viewer.nome };
  const result = await reassignLeadFromPainel(deps, actor, parsed.data);
  if (result.kind === "nao_encontrado") notFound();
  if (result.kind === "sem_permissao")
    return { ok: false, mensagem: "Só gestores e administradores reatribuem leads." };
  if (result.kind === "corretor_invalido") {
    return { ok: false, erros: { paraCorretorId: "Escolha outro corretor ativo da imobiliária." } };
  }
  revalidatePath(`/leads/${parsed.data.leadId}`);
  return { ok: true, mensagem: "Lead reatribuído. O novo corretor será avisado." };
}

const rotulo = (status: LeadStatus | null) => (status ? STATUS_LEAD[status].rotulo : "sem status");

export async function naoQuerContatoAction(_prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  const { viewer, scope } = await requireScope();
  const leadId = texto(form, "leadId") ?? "";
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(leadId)) return { ok: false, mensagem: "Lead inválido. Recarregue a página." };
  const { db } = await getDb();
  const result = await optOutFromPainel(db, { scope, usuarioId: viewer.userId }, leadId, new Date());
  if (result.kind === "nao_encontrado") notFound();
  revalidatePath(`/leads/${leadId}`);
  const canceladas = result.mensagensCanceladas
    ? ` ${result.mensagensCanceladas === 1 ? "1 mensagem pendente cancelada" : `${result.mensagensCanceladas} mensagens pendentes canceladas`}.`
    : "";
  return { ok: true, mensagem: `Marcado: a pessoa não quer contato. Nenhum alerta sobre ela sairá mais.${canceladas}` };
}
