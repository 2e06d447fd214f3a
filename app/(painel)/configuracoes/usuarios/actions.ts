"use server";
// Server actions of /configuracoes/usuarios: parse, admins only, call lib/setup/manage-usuarios,
// refresh the pages. A login the agency does not have (missing or another agency's) is a 404.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import type { AcaoEstado } from "@/lib/painel/acao-estado";
import type { SenhaEstado } from "@/lib/painel/senha-estado";
import { createLogin, resetSenha, setLoginAtivo, setLoginPapel } from "@/lib/setup/manage-usuarios";

const texto = (form: FormData, campo: string) => {
  const v = form.get(campo);
  return typeof v === "string" ? v : undefined;
};
const usuarioIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,50}$/);
const INVALIDO = "Login inválido. Recarregue a página e tente de novo.";

function refresh() {
  revalidatePath("/configuracoes/usuarios");
  revalidatePath("/configuracoes/auditoria");
}

export async function criarLoginAction(_prev: SenhaEstado, form: FormData): Promise<SenhaEstado> {
  const viewer = await requireRole("admin");
  const { db } = await getDb();
  const papel = texto(form, "papel") ?? "";
  const result = await createLogin(
    db,
    { imobiliariaId: viewer.imobiliariaId, usuarioId: viewer.userId },
    {
      nome: texto(form, "nome") ?? "",
      email: texto(form, "email") ?? "",
      papel: papel as "gestor",
      corretorId: papel === "corretor" ? texto(form, "corretorId") || undefined : undefined,
    },
    new Date(),
  );
  if (result.kind === "invalido") return { ok: false, mensagem: "Corrija os campos indicados.", erros: result.erros };
  refresh();
  return {
    ok: true,
    mensagem: "Login criado. Entregue a senha provisória à pessoa: no primeiro acesso ela escolhe a própria.",
    usuarioId: result.usuarioId,
    senhaProvisoria: result.senhaProvisoria,
  };
}

export async function redefinirSenhaAction(_prev: SenhaEstado, form: FormData): Promise<SenhaEstado> {
  const viewer = await requireRole("admin");
  const parsed = usuarioIdSchema.safeParse(form.get("usuarioId"));
  if (!parsed.success) return { ok: false, mensagem: INVALIDO };
  const { db } = await getDb();
  const feita = await resetSenha(
    db,
    { imobiliariaId: viewer.imobiliariaId, usuarioId: viewer.userId },
    parsed.data,
    new Date(),
  );
  if (!feita) notFound();
  refresh();
  return {
    ok: true,
    mensagem: "Senha redefinida. As sessões abertas deste login foram encerradas.",
    usuarioId: feita.usuarioId,
    senhaProvisoria: feita.senhaProvisoria,
  };
}

export async function alterarAtivoAction(_prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  const viewer = await requireRole("admin");
  const parsed = z
    .object({ usuarioId: usuarioIdSchema, ativo: z.enum(["sim", "nao"]) })
    .safeParse({ usuarioId: form.get("usuarioId"), ativo: form.get("ativo") });
  if (!parsed.success) return { ok: false, mensagem: INVALIDO };
  const { db } = await getDb();
  const ativo = parsed.data.ativo === "sim";
  const result = await setLoginAtivo(
    db,
    { imobiliariaId: viewer.imobiliariaId, usuarioId: viewer.userId },
    parsed.data.usuarioId,
    ativo,
  );
  if (result.kind === "nao_encontrado") notFound();
  if (result.kind === "recusado") return { ok: false, mensagem: result.mensagem };
  refresh();
  return { ok: true, mensagem: ativo ? "Login reativado." : "Login desativado: as sessões abertas foram encerradas." };
}

export async function mudarPapelAction(_prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  const viewer = await requireRole("admin");
  const parsed = z
    .object({ usuarioId: usuarioIdSchema, papel: z.enum(["admin", "gestor"]) })
    .safeParse({ usuarioId: form.get("usuarioId"), papel: form.get("papel") });
  if (!parsed.success) return { ok: false, mensagem: INVALIDO };
  const { db } = await getDb();
  const result = await setLoginPapel(
    db,
    { imobiliariaId: viewer.imobiliariaId, usuarioId: viewer.userId },
    parsed.data.usuarioId,
    parsed.data.papel,
  );
  if (result.kind === "nao_encontrado") notFound();
  if (result.kind === "recusado") return { ok: false, mensagem: result.mensagem };
  refresh();
  return { ok: true, mensagem: result.mudou ? "Papel mudado." : "Nada mudou." };
}
