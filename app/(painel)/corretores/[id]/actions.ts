"use server";
// The broker settings form: parse the posted strings, authorize on the server, call the domain,
// refresh the pages that show the settings. A broker outside the login's scope is the same 404.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { updateCorretorPreferencias, type Pausa } from "@/agents/vigilante/update-corretor-preferencias";
import { requireScope } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import type { AcaoEstado } from "@/lib/painel/acao-estado";
import { parseDataHoraLocal } from "@/lib/painel/data-hora-local";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";

const texto = (form: FormData, campo: string) => {
  const v = form.get(campo);
  return typeof v === "string" ? v : undefined;
};
// An empty box is NaN, which the schema answers with "Informe um número." beside the field.
const numero = (form: FormData, campo: string) => {
  const v = texto(form, campo);
  return v === undefined ? undefined : v.trim() === "" ? Number.NaN : Number(v);
};

export async function salvarPreferenciasAction(_prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  const { viewer, scope } = await requireScope();
  const { timezone } = await loadImobiliaria(scope.imobiliariaId);
  const ate = texto(form, "pausaAte")?.trim();
  const { db } = await getDb();
  const result = await updateCorretorPreferencias(
    db,
    { scope, usuarioId: viewer.userId },
    {
      corretorId: texto(form, "corretorId") ?? "",
      limiteDiario: numero(form, "limiteDiario"),
      pesoRoleta: numero(form, "pesoRoleta"),
      inicio: texto(form, "inicio") ?? "",
      fim: texto(form, "fim") ?? "",
      dias: form.getAll("dias").map(Number),
      janelaMinutos: numero(form, "janelaMinutos") ?? Number.NaN,
      tamanhoMaximo: numero(form, "tamanhoMaximo") ?? Number.NaN,
      silencio: (texto(form, "silencio") ?? "") as "respeitar",
      pausa: (texto(form, "pausa") || "manter") as Pausa,
      pausaAte: ate ? (parseDataHoraLocal(ate, timezone) ?? new Date(Number.NaN)) : null,
      // The checkbox posts nothing when unticked: the hidden marker says the field was on the form.
      ativo: texto(form, "ativoNoFormulario") ? texto(form, "ativo") === "on" : undefined,
    },
    new Date(),
  );
  if (result.kind === "nao_encontrado") notFound();
  if (result.kind === "sem_permissao") return { ok: false, mensagem: "Nada foi salvo.", erros: result.erros };
  if (result.kind === "invalido") return { ok: false, mensagem: "Corrija os campos indicados.", erros: result.erros };
  revalidatePath(`/corretores/${result.corretor.id}`);
  revalidatePath("/corretores");
  return { ok: true, mensagem: result.campos.length ? "Preferências salvas." : "Nada mudou." };
}
