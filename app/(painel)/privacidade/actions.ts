"use server";
// Server actions of /privacidade (admins): export a person's data as JSON, erase it. Each takes the
// search text again and finds the leads on the server, so the answer is about what the admin searched.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import type { ApagarEstado, ExportEstado } from "@/lib/painel/privacidade-estado";
import { eraseTitular, exportTitular, parseTitularBusca } from "@/lib/privacy/titular";

const texto = (form: FormData, campo: string) => {
  const v = form.get(campo);
  return typeof v === "string" ? v : "";
};

export async function exportarTitularAction(_prev: ExportEstado, form: FormData): Promise<ExportEstado> {
  const viewer = await requireRole("admin");
  const parsed = parseTitularBusca(texto(form, "q"));
  if ("erro" in parsed) return { ok: false, mensagem: parsed.erro };
  const { db } = await getDb();
  const agora = new Date();
  const doc = await exportTitular(
    db,
    { imobiliariaId: viewer.imobiliariaId, usuarioId: viewer.userId },
    parsed.busca,
    agora,
  );
  revalidatePath("/configuracoes/auditoria");
  return {
    ok: true,
    mensagem: `Arquivo gerado com ${doc.leads.length} ${doc.leads.length === 1 ? "lead" : "leads"}.`,
    json: JSON.stringify(doc, null, 2),
    arquivo: `lastro-dados-titular-${agora.toISOString().slice(0, 10)}.json`,
  };
}

export async function apagarTitularAction(_prev: ApagarEstado, form: FormData): Promise<ApagarEstado> {
  const viewer = await requireRole("admin");
  if (texto(form, "confirmo") !== "on") {
    return { ok: false, mensagem: "Marque a confirmação: apagar não pode ser desfeito." };
  }
  const parsed = parseTitularBusca(texto(form, "q"));
  if ("erro" in parsed) return { ok: false, mensagem: parsed.erro };
  const { db } = await getDb();
  const feito = await eraseTitular(
    db,
    { imobiliariaId: viewer.imobiliariaId, usuarioId: viewer.userId },
    parsed.busca,
    new Date(),
  );
  revalidatePath("/configuracoes/auditoria");
  revalidatePath("/leads");
  // The search would now find nothing: the page says what was done instead (no personal data in the URL).
  redirect(`/privacidade?apagados=${feito.leads}&canceladas=${feito.mensagensCanceladas}`);
}
