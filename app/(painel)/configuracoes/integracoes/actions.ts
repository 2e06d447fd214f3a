"use server";
// Server action of the integrations page: parse, admins only, rotate (lib/setup), refresh the pages.
// An id the agency does not have (missing or another agency's) is a 404 and changes nothing.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
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
