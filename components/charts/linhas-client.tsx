"use client";
// One line per series over the rows (days): first response median and p90.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { corDaSerie } from "./cores";
import { paraRecharts } from "./dados-recharts";
import { formatValor } from "./formato";
import { GraficoMoldura } from "./grafico-moldura";
import type { GraficoProps } from "./tipos";

export function Linhas(p: GraficoProps) {
  const formato = p.formato ?? "numero";
  return (
    <GraficoMoldura {...p}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 256 }}>
        <LineChart data={paraRecharts(p.linhas, p.rotulosSaoDias)} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="rotulo" tick={{ fontSize: 12 }} minTickGap={12} />
          <YAxis tick={{ fontSize: 12 }} width={44} />
          <Tooltip formatter={(v) => formatValor(Number(v), formato)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {p.series
            .filter((s) => !s.soTabela)
            .map((s, i) => (
              <Line
                key={s.chave}
                dataKey={s.chave}
                name={s.nome}
                stroke={corDaSerie(i)}
                strokeWidth={2}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            ))}
        </LineChart>
      </ResponsiveContainer>
    </GraficoMoldura>
  );
}
