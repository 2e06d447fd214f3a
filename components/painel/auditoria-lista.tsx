// The audit trail as a list of rows that read as sentences: who, when (the agency's clock), what,
// before → after. One layout for every width: a line per row on a desk, a card on a phone.
import type { AuditoriaListada } from "@/lib/db/queries/auditoria";
import { describeAuditoria } from "@/lib/painel/auditoria-texto";
import { formatDataHora } from "@/lib/time/format-data-hora";

export function AuditoriaLista({ itens, timezone }: { itens: AuditoriaListada[]; timezone: string }) {
  return (
    <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
      {itens.map((row) => {
        const { oque, mudanca } = describeAuditoria(row);
        return (
          <li
            key={row.id}
            className="grid gap-1 px-4 py-3 text-sm md:grid-cols-[9rem_12rem_1fr] md:gap-4"
            data-testid="auditoria"
            data-acao={row.acao}
          >
            <time dateTime={row.criadoEm.toISOString()} className="tabular-nums text-muted">
              {formatDataHora(row.criadoEm, timezone)}
            </time>
            <span className="min-w-0 truncate font-medium text-ink" data-testid="auditoria-quem">
              {row.usuarioNome ?? "Sistema"}
            </span>
            <div className="min-w-0">
              <p className="text-ink" data-testid="auditoria-oque">
                {oque}
              </p>
              {mudanca ? (
                <p className="break-words text-xs text-muted" data-testid="auditoria-mudanca">
                  {mudanca}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
