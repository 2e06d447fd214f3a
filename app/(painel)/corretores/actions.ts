"use server";
// "Adicionar corretor" (managers): parse, authorize on the server, add (agents/vigilante/add-corretor),
// refresh the list. The new broker's page opens from the answer.
import { revalidatePath } from "next/cache";
import { addCorretor } from "@/agents/vigilante/add-corretor";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import type { AcaoEstado } from "@/lib/painel/acao-estado";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";

const texto = (form: FormData, campo: string) => {
  const v = form.get(campo);
  return typeof v === "string" ? v : "";
};

export async function adicionarCorretorAction(_prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  const viewer = await requireRole("admin", "gestor");
  const { configuracoes } = await loadImobiliaria(viewer.imobiliariaId);
  const { db } = await getDb();
  const result = await addCorretor(
    db,
    { imobiliariaId: viewer.imobiliariaId, usuarioId: viewer.userId, configuracoes },
    { nome: texto(form, "nome"), telefone: texto(form, "telefone"), email: texto(form, "email") },
  );
  if (result.kind === "invalido") return { ok: false, mensagem: "Corrija os campos indicados.", erros: result.erros };
  revalidatePath("/corretores");
  revalidatePath("/configuracoes/auditoria");
  return { ok: true, mensagem: `${result.corretor.nome} foi adicionado e entra na roleta a partir do próximo lead.` };
}
