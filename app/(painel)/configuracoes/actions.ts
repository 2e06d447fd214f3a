"use server";
// The agency settings form: admins only, the posted strings handed to lib/setup (which validates,
// writes and audits), then the pages that show the settings refreshed.
import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import type { AcaoEstado } from "@/lib/painel/acao-estado";
import { campoNumero, campoTexto, camposComPrefixo } from "@/lib/painel/form-campos";
import { updateConfiguracoesImobiliaria } from "@/lib/setup/update-configuracoes";

export async function salvarConfiguracoesAction(_prev: AcaoEstado, form: FormData): Promise<AcaoEstado> {
  const viewer = await requireRole("admin");
  const pesos = camposComPrefixo(form, "peso:");
  const { db } = await getDb();
  const result = await updateConfiguracoesImobiliaria(
    db,
    { imobiliariaId: viewer.imobiliariaId, usuarioId: viewer.userId },
    {
      nome: campoTexto(form, "nome") ?? "",
      timezone: campoTexto(form, "timezone") ?? "",
      scoreQuente: campoNumero(form, "scoreQuente"),
      scoreMorno: campoNumero(form, "scoreMorno"),
      roteamento: (campoTexto(form, "roteamento") ?? "") as "roleta",
      corretorFixoId: campoTexto(form, "corretorFixoId") || null,
      pesosRoleta: Object.fromEntries(
        Object.entries(pesos).map(([id, v]) => [id, v.trim() === "" ? Number.NaN : Number(v)]),
      ),
      limiteDiarioPadrao: campoNumero(form, "limiteDiarioPadrao"),
      janelaMinutos: campoNumero(form, "janelaMinutos"),
      tamanhoMaximo: campoNumero(form, "tamanhoMaximo"),
      slaMinutos: campoNumero(form, "slaMinutos"),
      slaRedistribuir: campoTexto(form, "slaRedistribuir") === "on",
      followUpDias: campoTexto(form, "followUpDias") ?? "",
      resumoDiarioHora: campoTexto(form, "resumoDiarioHora") ?? "",
      resumoSemanalHora: campoTexto(form, "resumoSemanalHora") ?? "",
      templates: camposComPrefixo(form, "template:"),
      limiteMensalIaUsd: campoTexto(form, "limiteMensalIaUsd") ?? "",
      // A form without the field (an older page still open) keeps the agency's period.
      retencaoMeses: form.has("retencaoMeses") ? campoNumero(form, "retencaoMeses") : undefined,
    },
  );
  if (result.kind === "invalido") return { ok: false, mensagem: "Corrija os campos indicados.", erros: result.erros };
  // The name is in the shell's header and the thresholds on every list.
  revalidatePath("/", "layout");
  return { ok: true, mensagem: result.campos.length ? "Configurações salvas." : "Nada mudou." };
}
