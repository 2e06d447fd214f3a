// Our rows as Recharts wants them: one flat object per row, the label under `rotulo`.
import { formatDia } from "./formato";
import type { Linha } from "./tipos";

export function paraRecharts(linhas: Linha[], rotulosSaoDias = false) {
  return linhas.map((l) => ({ ...l.valores, rotulo: rotulosSaoDias ? formatDia(l.rotulo) : l.rotulo }));
}
