"use server";
// Server actions of /privacidade (admins): export a person's data as JSON, erase it. Each takes the
// search text again and finds the leads on the server, so the answer is about what the admin searched.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-key";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import type { ApagarEstado, ChaveEstado, ExportEstado } from "@/lib/painel/privacidade-estado";
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

export async function criarChaveApiAction(_prev: ChaveEstado, form: FormData): Promise<ChaveEstado> {
  const viewer = await requireRole("admin");
  const nome = texto(form, "nome").trim();
  if (!nome || nome.length > 80) return { ok: false, erros: { nome: "Dê um nome de 1 a 80 caracteres, como “CRM”." } };
  const { db } = await getDb();
  const criada = await createApiKey(
    db,
    { imobiliariaId: viewer.imobiliariaId, usuarioId: viewer.userId },
    { nome, escopos: ["privacidade"] },
    new Date(),
  );
  revalidatePath("/privacidade");
  revalidatePath("/configuracoes/auditoria");
  return { ok: true, mensagem: `Chave “${nome}” criada.`, chave: criada.chave };
}

export async function revogarChaveApiAction(_prev: ChaveEstado, form: FormData): Promise<ChaveEstado> {
  const viewer = await requireRole("admin");
  const chaveId = texto(form, "chaveId");
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(chaveId)) notFound();
  const { db } = await getDb();
  const feito = await revokeApiKey(
    db,
    { imobiliariaId: viewer.imobiliariaId, usuarioId: viewer.userId },
    chaveId,
    new Date(),
  );
  if (!feito) notFound();
  revalidatePath("/privacidade");
  revalidatePath("/configuracoes/auditoria");
  return { ok: true, mensagem: "Chave revogada: ela é recusada a partir de agora." };
}
