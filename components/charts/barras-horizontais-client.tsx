"use client";
// Horizontal bars, one group per row, series side by side: the funnel, portals, demand vs stock.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { corDaSerie } from "./cores";
import { paraRecharts } from "./dados-recharts";
import { formatValor } from "./formato";
import { GraficoMoldura } from "./grafico-moldura";
import type { GraficoProps } from "./tipos";

export function BarrasHorizontais(p: GraficoProps) {
  const formato = p.formato ?? "numero";
  return (
    <GraficoMoldura {...p}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 256 }}>
        <BarChart data={paraRecharts(p.linhas, p.rotulosSaoDias)} layout="vertical" accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12 }} allowDecimals={false} />
          <YAxis type="category" dataKey="rotulo" tick={{ fontSize: 11 }} width={124} />
          <Tooltip formatter={(v) => formatValor(Number(v), formato)} />
          {p.series.filter((s) => !s.soTabela).length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
          {p.series
            .filter((s) => !s.soTabela)
            .map((s, i) => (
              <Bar key={s.chave} dataKey={s.chave} name={s.nome} fill={corDaSerie(i)} isAnimationActive={false} />
            ))}
        </BarChart>
      </ResponsiveContainer>
    </GraficoMoldura>
  );
}
