"use server";
// "Minha conta": the login changes its own password (lib/auth/change-senha.ts) and its own WhatsApp
// (lib/auth/change-whatsapp.ts). A password change ends every session, this one included, so this
// browser signs in again with the new password at once.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { HOME_PATH, requireAccountSession, requireRole } from "@/lib/auth/authorize";
import { changeOwnSenha } from "@/lib/auth/change-senha";
import { changeOwnWhatsapp } from "@/lib/auth/change-whatsapp";
import { createPasswordChecker } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import type { AcaoEstado } from "@/lib/painel/acao-estado";

const texto = (form: FormData, campo: string) => {
  const v = form.get(campo);
  return typeof v === "string" ? v : "";
};

const password = createPasswordChecker();

export async function trocarSenhaAction(_prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  // A login on a temporary password may (must) use this action: requireSession would send it back here.
  const viewer = await requireAccountSession();
  const { db } = await getDb();
  const nova = texto(form, "nova");
  const result = await changeOwnSenha(
    db,
    { imobiliariaId: viewer.imobiliariaId, usuarioId: viewer.userId },
    { atual: texto(form, "atual"), nova, confirmacao: texto(form, "confirmacao") },
    password,
  );
  if (result.kind === "invalido") return { ok: false, mensagem: "Nada foi mudado.", erros: result.erros };
  // Through the login itself (throttle, active check): a fresh cookie with the new session version.
  await signIn("credentials", { email: viewer.email, senha: nova, redirect: false });
  // The first password of a new or reset login leads on to the dashboard.
  if (viewer.deveTrocarSenha) redirect(HOME_PATH);
  return { ok: true, mensagem: "Senha trocada. Outras sessões abertas com a senha antiga foram encerradas." };
}

// Managers only: a broker's WhatsApp is their `corretores` row, the number every alert already goes to.
export async function salvarWhatsappAction(_prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  const viewer = await requireRole("admin", "gestor");
  const { db } = await getDb();
  const result = await changeOwnWhatsapp(
    db,
    { imobiliariaId: viewer.imobiliariaId, usuarioId: viewer.userId },
    texto(form, "whatsapp"),
  );
  if (result.kind === "invalido") return { ok: false, erros: result.erros };
  if (result.kind === "nao_encontrado") return { ok: false, mensagem: "Login não encontrado. Entre de novo." };
  revalidatePath("/conta");
  if (result.kind === "sem_mudanca") return { ok: true, mensagem: "Nada mudou." };
  return {
    ok: true,
    mensagem: result.whatsapp ? "WhatsApp salvo. Os alertas da gestão irão para este número." : "WhatsApp removido.",
  };
}
