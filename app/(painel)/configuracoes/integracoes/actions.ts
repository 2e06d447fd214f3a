"use server";
// Server actions of the integrations page: parse, admins only, rotate (lib/setup) or post a test lead
// through the webhook's own path, refresh the pages. An id the agency does not have (missing or
// another agency's) is a 404 and changes nothing.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { postSampleDelivery } from "@/app/api/webhooks/portais/post-sample-delivery";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { LeadTesteEstado } from "@/lib/painel/lead-teste-estado";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import type { RotacaoEstado } from "@/lib/painel/rotacao-estado";
import { rotateIntegracao } from "@/lib/setup/rotate-integracao";

const rotacaoSchema = z.object({ integracaoId: z.string().regex(/^[A-Za-z0-9_-]{1,50}$/) });

export async function trocarSegredoAction(_prev: RotacaoEstado, form: FormData): Promise<RotacaoEstado> {
  const viewer = await requireRole("admin");
  const parsed = rotacaoSchema.safeParse({ integracaoId: form.get("integracaoId") });
  if (!parsed.success) return { ok: false, mensagem: "Integração inválida. Recarregue a página e tente de novo." };
  const { db } = await getDb();
  const feita = await rotateIntegracao(db, {
    imobiliariaId: viewer.imobiliariaId,
    usuarioId: viewer.userId,
    integracaoId: parsed.data.integracaoId,
  });
  if (!feita) notFound();
  revalidatePath("/configuracoes/integracoes");
  revalidatePath("/configuracoes/auditoria");
  return {
    ok: true,
    mensagem: "Credencial trocada. A anterior já não é aceita: cadastre a nova no portal agora.",
    integracaoId: feita.id,
    segredo: feita.segredo,
    comoAutenticar: feita.comoAutenticar,
  };
}

export async function enviarLeadDeTesteAction(_prev: LeadTesteEstado, form: FormData): Promise<LeadTesteEstado> {
  const viewer = await requireRole("admin");
  const parsed = rotacaoSchema.safeParse({ integracaoId: form.get("integracaoId") });
  if (!parsed.success) return { ok: false, mensagem: "Integração inválida. Recarregue a página e tente de novo." };
  const { db } = await getDb();
  const imobiliaria = await loadImobiliaria(viewer.imobiliariaId);
  const answer = await postSampleDelivery(db, imobiliaria, parsed.data.integracaoId, env.publicBaseUrl, new Date());
  if (!answer) notFound();
  revalidatePath("/configuracoes/integracoes");
  return {
    ok: answer.status >= 200 && answer.status < 300,
    mensagem: answer.resumo,
    integracaoId: parsed.data.integracaoId,
    status: answer.status,
    leadId: answer.leadId,
  };
}
