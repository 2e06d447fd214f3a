"use server";
// Server action of the outbox's message cards: parse, authorize on the server, call the domain,
// refresh the page. A message the login may not see (missing, another agency's or broker's) is a 404.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { describeManualResult } from "@/agents/conselheiro/send/manual-action-texts";
import { acaoManualSchema, runManualAction } from "@/agents/conselheiro/send/manual-actions";
import { dispatch } from "@/inngest/dispatch";
import { requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { getKv } from "@/lib/kv";
import type { AcaoEstado } from "@/lib/painel/acao-estado";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";

const texto = (form: FormData, campo: string) => {
  const v = form.get(campo);
  return typeof v === "string" ? v : undefined;
};

export async function acaoMensagemAction(_prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  const { viewer, scope } = await requireScope();
  const parsed = acaoManualSchema.safeParse({ mensagemId: texto(form, "mensagemId"), acao: texto(form, "acao") });
  if (!parsed.success) return { ok: false, mensagem: "Ação inválida. Recarregue a página e tente de novo." };
  const { db } = await getDb();
  const deps = { db, kv: getKv(), dispatch, now: () => new Date() };
  const result = await runManualAction(deps, { scope, usuarioId: viewer.userId, papel: viewer.papel }, parsed.data);
  if (result.kind === "nao_encontrado") notFound();
  revalidatePath("/mensagens");
  const { timezone } = await loadImobiliaria(scope.imobiliariaId);
  return describeManualResult(result, timezone);
}
