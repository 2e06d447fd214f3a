// /operacao's charts and incident list: the loader's figures as chart rows, each with a sentence
// that says what the marks show (the chart frame puts the table beside it). Times in the agency's
// time zone (São Paulo by default).
import { BarrasEmpilhadas } from "@/components/charts/barras-empilhadas-client";
import { formatValor } from "@/components/charts/formato";
import { Badge } from "@/components/ui/badge";
import type { IncidenteLinha, PainelOperacao } from "@/lib/painel/operacao";
import { diaCurto, horaCurta } from "@/lib/whatsapp/text/compose";

const n = (v: number) => formatValor(v, "numero");
const soma = <T,>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);
const quando = (d: Date, tz: string) => `${diaCurto(d, tz)} ${horaCurta(d, tz)}`;
const minuto = (d: Date, tz: string) =>
  new Intl.DateTimeFormat("pt-BR", { hour: "2-digit", minute: "2-digit", timeZone: tz }).format(d);

/** "3,2 s", "1 min 05 s": processing latency reads in seconds. */
export function segundosTexto(s: number | null): string {
  if (s === null) return "—";
  if (s < 60) return `${new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 1 }).format(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.round(s % 60)).padStart(2, "0")} s`;
}

export function GraficoEventosPorHora({ p, tz }: { p: PainelOperacao; tz: string }) {
  const total = soma(p.eventosPorHora, (h) => h.eventos);
  const pico = p.eventosPorHora.reduce((a, h) => (h.eventos > a.eventos ? h : a), p.eventosPorHora[0]!);
  return (
    <BarrasEmpilhadas
      testId="grafico-eventos-hora"
      titulo="Eventos por hora (últimas 24 h)"
      resumo={
        total === 0
          ? "Nenhum evento nas últimas 24 horas."
          : `${n(total)} eventos em 24 horas; o pico foi às ${horaCurta(pico.hora, tz)} (${n(pico.eventos)}).`
      }
      series={[{ chave: "eventos", nome: "Eventos" }]}
      linhas={p.eventosPorHora.map((h) => ({ rotulo: quando(h.hora, tz), valores: { eventos: h.eventos } }))}
    />
  );
}

export function GraficoMensagensPorDia({ p }: { p: PainelOperacao }) {
  const enviadas = soma(p.mensagensPorDia, (d) => d.enviadas);
  const falhas = soma(p.mensagensPorDia, (d) => d.falhas);
  return (
    <BarrasEmpilhadas
      testId="grafico-mensagens-dia"
      titulo="Mensagens por dia (últimos 14 dias)"
      resumo={
        enviadas + falhas === 0
          ? "Nenhuma mensagem enviada nem falha nos últimos 14 dias."
          : `${n(enviadas)} enviadas e ${n(falhas)} com falha em 14 dias.`
      }
      series={[
        { chave: "enviadas", nome: "Enviadas" },
        { chave: "falhas", nome: "Falharam" },
      ]}
      linhas={p.mensagensPorDia.map((d) => ({ rotulo: d.dia, valores: { enviadas: d.enviadas, falhas: d.falhas } }))}
      rotulosSaoDias
    />
  );
}

export function GraficoErrosPorMinuto({ p, tz }: { p: PainelOperacao; tz: string }) {
  const envios = soma(p.errosPorMinuto, (m) => m.envios);
  const entregas = soma(p.errosPorMinuto, (m) => m.entregas);
  return (
    <BarrasEmpilhadas
      testId="grafico-erros-minuto"
      titulo="Erros por minuto (últimos 60 min)"
      resumo={
        envios + entregas === 0
          ? "Nenhum erro na última hora."
          : `${n(envios)} envios de WhatsApp falharam e ${n(entregas)} entregas de portal receberam erro 5xx na última hora.`
      }
      series={[
        { chave: "envios", nome: "WhatsApp com falha" },
        { chave: "entregas", nome: "Portal com erro 5xx" },
      ]}
      linhas={p.errosPorMinuto.map((m) => ({
        rotulo: minuto(m.minuto, tz),
        valores: { envios: m.envios, entregas: m.entregas },
      }))}
    />
  );
}

export function LatenciaResumo({ p }: { p: PainelOperacao }) {
  const l = p.latencia;
  return (
    <section
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby="latencia-titulo"
      data-testid="operacao-latencia"
    >
      <h2 id="latencia-titulo" className="text-base font-semibold text-ink">
        Latência de processamento (últimas 24 h)
      </h2>
      <p className="mt-1 text-sm text-muted">
        Da detecção do evento à decisão do Orquestrador.{" "}
        {l.decididos === 0 ? "Nenhum evento decidido nas últimas 24 horas." : `${n(l.decididos)} eventos decididos.`}
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-4">
        <div>
          <dt className="text-sm text-muted">Mediana (p50)</dt>
          <dd className="text-2xl font-semibold tabular-nums text-brand-800" data-testid="latencia-p50">
            {segundosTexto(l.p50Segundos)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">p95 (95 em 100 até)</dt>
          <dd className="text-2xl font-semibold tabular-nums text-brand-800" data-testid="latencia-p95">
            {segundosTexto(l.p95Segundos)}
          </dd>
        </div>
      </dl>
    </section>
  );
}

export function IncidentesTabela({ incidentes, tz }: { incidentes: IncidenteLinha[]; tz: string }) {
  return (
    <section aria-labelledby="incidentes-titulo" className="space-y-3" data-testid="operacao-incidentes">
      <h2 id="incidentes-titulo" className="text-base font-semibold text-ink">
        Incidentes (abertos e dos últimos 30 dias)
      </h2>
      {incidentes.length === 0 ? (
        <p className="text-sm text-muted">Nenhum incidente nos últimos 30 dias.</p>
      ) : (
        // One card per incident: it reads the same on a phone as on a desk (a five-column table would scroll).
        <ul className="space-y-2">
          {incidentes.map((i) => (
            <li
              key={i.id}
              data-testid="incidente"
              className="rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm"
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-ink">{i.titulo}</span>
                <Badge tom={i.critico ? "erro" : "alerta"}>{i.severidade}</Badge>
                {i.resolvidoEm ? <Badge tom="sucesso">Resolvido</Badge> : <Badge tom="erro">Aberto</Badge>}
              </div>
              <p className="mt-1 text-muted">
                Aberto em {quando(i.abertoEm, tz)}
                {i.resolvidoEm ? ` · resolvido em ${quando(i.resolvidoEm, tz)}` : ""}. {i.descricao}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
