"use client";
// A bar per row (usually a day) with its series stacked: leads per day by portal, messages per day.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { corDaSerie } from "./cores";
import { paraRecharts } from "./dados-recharts";
import { formatValor } from "./formato";
import { GraficoMoldura } from "./grafico-moldura";
import type { GraficoProps } from "./tipos";

export function BarrasEmpilhadas(p: GraficoProps) {
  const formato = p.formato ?? "numero";
  return (
    <GraficoMoldura {...p}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 256 }}>
        <BarChart data={paraRecharts(p.linhas, p.rotulosSaoDias)} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="rotulo" tick={{ fontSize: 12 }} minTickGap={12} />
          <YAxis tick={{ fontSize: 12 }} width={44} allowDecimals={false} />
          <Tooltip formatter={(v) => formatValor(Number(v), formato)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {p.series
            .filter((s) => !s.soTabela)
            .map((s, i) => (
              <Bar
                key={s.chave}
                dataKey={s.chave}
                name={s.nome}
                stackId="1"
                fill={corDaSerie(i)}
                isAnimationActive={false}
              />
            ))}
        </BarChart>
      </ResponsiveContainer>
    </GraficoMoldura>
  );
}
