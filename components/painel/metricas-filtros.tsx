// /metricas' period and broker: a plain GET form, so a view is a shareable URL and needs no JavaScript.
import { botaoPrimario, campo, rotuloCampo } from "@/components/ui/estilos";
import type { PeriodoMetricas } from "@/lib/painel/metricas-periodo";

type Props = {
  action: string;
  periodo: PeriodoMetricas;
  /** null = no broker filter (a broker sees only their own figures). */
  corretores: { id: string; nome: string }[] | null;
  corretor: string | undefined;
};

const ROTULOS = {
  "7": "Últimos 7 dias",
  "30": "Últimos 30 dias",
  "90": "Últimos 90 dias",
  custom: "Personalizado (de/até)",
};

export function MetricasFiltros({ action, periodo, corretores, corretor }: Props) {
  return (
    <form
      method="get"
      action={action}
      className="grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
      data-testid="metricas-filtros"
    >
      <label className={rotuloCampo}>
        Período
        <select name="periodo" defaultValue={periodo.escolha} className={campo} data-testid="filtro-periodo">
          {Object.entries(ROTULOS).map(([valor, rotulo]) => (
            <option key={valor} value={valor}>
              {rotulo}
            </option>
          ))}
        </select>
      </label>
      <label className={rotuloCampo}>
        De (personalizado)
        <input type="date" name="de" defaultValue={periodo.de} className={campo} />
      </label>
      <label className={rotuloCampo}>
        Até (personalizado)
        <input type="date" name="ate" defaultValue={periodo.ate} className={campo} />
      </label>
      {corretores ? (
        <label className={rotuloCampo}>
          Corretor
          <select name="corretor" defaultValue={corretor ?? ""} className={campo} data-testid="filtro-corretor">
            <option value="">Toda a imobiliária</option>
            {corretores.map((c) => (
              <option key={c.id} value={c.id}>
                {c.nome}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit" className={botaoPrimario}>
        Aplicar
      </button>
    </form>
  );
}
