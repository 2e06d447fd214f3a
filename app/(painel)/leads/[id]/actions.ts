"use server";
// Server actions of the lead page: parse, authorize on the server, call the domain, refresh the page.
// A lead the login may not touch (missing, another agency's, another broker's) is the same 404.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { addLeadNote, changeLeadStatus, mudancaStatusSchema, notaSchema } from "@/agents/vigilante/lead-status";
import { requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
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
  revalidatePath(`/leads/${parsed.data.leadId}`);
  if (result.kind === "status_mudou") {
    return { ok: false, mensagem: `O lead já estava em “${rotulo(result.atual)}”. A página foi atualizada.` };
  }
  return { ok: true, mensagem: `Status alterado para “${rotulo(parsed.data.para)}”.` };
}

export async function adicionarNotaAction(_prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  const { viewer, scope } = await requireScope();
  const parsed = notaSchema.safeParse({ leadId: texto(form, "leadId"), texto: texto(form, "texto") });
  if (!parsed.success) return { ok: false, erros: formErrors(parsed.error) };
  const { db } = await getDb();
  const result = await addLeadNote(db, { scope, usuarioId: viewer.userId, nome: viewer.nome }, parsed.data, new Date());
  if (result.kind === "nao_encontrado") notFound();
  revalidatePath(`/leads/${parsed.data.leadId}`);
  return { ok: true, mensagem: "Nota adicionada." };
}

const rotulo = (status: LeadStatus | null) => (status ? STATUS_LEAD[status].rotulo : "sem status");
