"use client";
// /privacidade: what an admin does with the person found. "Baixar dados (JSON)" downloads the export the
// server action built; "Apagar dados" needs the confirmation box ticked, then says what was done.
import { useActionState, useEffect } from "react";
import { botaoPrimario, botaoSecundario } from "@/components/ui/estilos";
import type { ApagarEstado, ExportEstado } from "@/lib/painel/privacidade-estado";

type Props = {
  q: string;
  exportar: (prev: ExportEstado, form: FormData) => Promise<ExportEstado>;
  apagar: (prev: ApagarEstado, form: FormData) => Promise<ApagarEstado>;
};

function baixar(json: string, arquivo: string) {
  const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = arquivo;
  a.click();
  URL.revokeObjectURL(url);
}

export function TitularAcoes({ q, exportar, apagar }: Props) {
  const [exportado, enviarExport, exportando] = useActionState(exportar, { ok: false });
  const [apagado, enviarApagar, apagando] = useActionState(apagar, { ok: false });
  useEffect(() => {
    if (exportado.ok && exportado.json && exportado.arquivo) baixar(exportado.json, exportado.arquivo);
  }, [exportado]);

  if (apagado.ok) {
    return (
      <p role="status" data-testid="titular-apagado" className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900">
        {apagado.mensagem}
      </p>
    );
  }
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form action={enviarExport} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h3 className="text-sm font-semibold text-ink">Exportar (direito de acesso)</h3>
        <p className="text-sm text-slate-600">
          Um arquivo JSON com tudo o que a imobiliária guarda sobre a pessoa: leads, conversas, eventos, mensagens e as
          entregas dos portais.
        </p>
        <input type="hidden" name="q" value={q} />
        <button type="submit" className={botaoSecundario} disabled={exportando}>
          {exportando ? "Gerando…" : "Baixar dados (JSON)"}
        </button>
        {exportado.mensagem ? (
          <p role="status" className={`text-sm ${exportado.ok ? "text-emerald-800" : "text-red-700"}`}>
            {exportado.mensagem}
          </p>
        ) : null}
      </form>
      <form action={enviarApagar} className="space-y-3 rounded-xl border border-red-200 bg-red-50/40 p-4 shadow-sm">
        <h3 className="text-sm font-semibold text-ink">Apagar (direito de eliminação)</h3>
        <p className="text-sm text-slate-600">
          Nome, telefone, e-mail e textos saem de todos os registros, e as mensagens ainda não enviadas sobre a pessoa
          são canceladas. Os leads continuam nas contagens das métricas.
        </p>
        <input type="hidden" name="q" value={q} />
        <label className="flex items-start gap-2 text-sm text-ink">
          <input type="checkbox" name="confirmo" className="mt-0.5 size-4" />
          Entendo que apagar não pode ser desfeito.
        </label>
        <button type="submit" className={`${botaoPrimario} bg-red-700 hover:bg-red-800`} disabled={apagando}>
          {apagando ? "Apagando…" : "Apagar dados desta pessoa"}
        </button>
        {apagado.mensagem ? (
          <p role="alert" data-testid="titular-apagar-erro" className="text-sm text-red-700">
            {apagado.mensagem}
          </p>
        ) : null}
      </form>
    </div>
  );
}
