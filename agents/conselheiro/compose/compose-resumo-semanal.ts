// The weekly summary: how the broker handled last week's leads (PerformanceCalculator) and what
// those leads asked for (DemandAggregator). Short by construction: counts and top-3 lists only.
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { periodoDias } from "./compose-listas";
import type { ComposedMessage, ItemDemanda, ResumoSemanalInput } from "./message-types";
import { redacaoDoInicio } from "./redacao";
import { bold, leadText } from "../../../lib/whatsapp/text/compose";

/** "45 min", "1h25", "2h", "1 dia e 3h", "4 dias". */
export function duracaoTexto(minutos: number): string {
  const total = Math.max(0, Math.round(minutos));
  if (total < 60) return `${total} min`;
  if (total < 24 * 60) {
    const m = total % 60;
    return `${Math.floor(total / 60)}h${m ? String(m).padStart(2, "0") : ""}`;
  }
  const totalHoras = Math.round(total / 60);
  const dias = Math.floor(totalHoras / 24);
  const horas = totalHoras % 24;
  const diasTexto = `${dias} ${dias === 1 ? "dia" : "dias"}`;
  return horas ? `${diasTexto} e ${horas}h` : diasTexto;
}

// Neighbourhoods may come from what the lead typed: masked and clipped like any lead text.
const lista = (itens: ItemDemanda[]) => itens.map((i) => `${leadText(i.nome, 40)} (${i.leads})`).join(", ");

export function composeResumoSemanal(input: ResumoSemanalInput): ComposedMessage {
  const { desempenho: d, demanda } = input;
  const semana = periodoDias(input.semana, input.timezone).texto;
  const percentual = d.percentualContatados === null ? "" : ` (${d.percentualContatados}%)`;
  const resposta =
    d.medianaPrimeiraRespostaMin === null
      ? "sem registro (toque em *Já contatei* nos alertas)"
      : `${duracaoTexto(d.medianaPrimeiraRespostaMin)} (mediana de ${d.respostasMedidas} ${d.respostasMedidas === 1 ? "lead" : "leads"})`;
  const linhas = [
    `📈 ${bold(`Resumo da semana ${semana}`)}`,
    `Leads recebidos: ${d.recebidos}`,
    `Contatados: ${d.contatados}${percentual}`,
    `Tempo até o 1º contato: ${resposta}`,
    `Visitas solicitadas: ${d.visitasSolicitadas}`,
  ];
  const head = linhas.join("\n");
  const mediana = d.medianaPrimeiraRespostaMin === null ? null : duracaoTexto(d.medianaPrimeiraRespostaMin);
  if (d.porStatus.length > 0) {
    linhas.push(
      "",
      `${bold("Leads por status:")} ${d.porStatus.map((s) => `${STATUS_LEAD[s.status].rotulo} ${s.leads}`).join(" · ")}`,
    );
  }
  const procura = [
    ["Bairros", demanda.bairros],
    ["Tipos", demanda.tipos],
    ["Faixa de preço", demanda.faixasPreco],
  ] as const;
  const comDados = procura.filter(([, itens]) => itens.length > 0);
  if (comDados.length > 0) {
    linhas.push(
      "",
      bold("O que seus leads procuram:"),
      ...comDados.map(([titulo, itens]) => `• ${titulo}: ${lista(itens)}`),
    );
  }
  const corpo = linhas.join("\n");
  return {
    // At most ~700 characters (three top-3 lists of 40-character names), well under MAX_CORPO.
    corpo,
    botoes: [],
    // The model may say the figures in its own words; the status line and the demand lists follow as they are.
    ...redacaoDoInicio(
      "resumo_semanal",
      head,
      corpo,
      [
        semana,
        String(d.recebidos),
        String(d.contatados),
        d.percentualContatados === null ? null : `${d.percentualContatados}%`,
        mediana,
        mediana ? null : "Já contatei",
        String(d.visitasSolicitadas),
      ],
      {
        semana,
        leadsRecebidos: String(d.recebidos),
        contatados: String(d.contatados),
        ...(d.percentualContatados === null ? {} : { percentualContatados: `${d.percentualContatados}%` }),
        tempoAtePrimeiroContato: mediana
          ? `${mediana} (mediana de ${d.respostasMedidas} leads)`
          : "sem registro: peça para tocar em *Já contatei* nos alertas",
        visitasSolicitadas: String(d.visitasSolicitadas),
      },
    ),
    templateVariaveis: {
      "1": semana,
      "2": String(d.recebidos),
      "3": d.percentualContatados === null ? "-" : `${d.percentualContatados}%`,
      "4": d.medianaPrimeiraRespostaMin === null ? "-" : duracaoTexto(d.medianaPrimeiraRespostaMin),
    },
  };
}
