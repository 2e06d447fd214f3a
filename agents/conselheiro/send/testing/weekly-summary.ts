// The broker's weekly summary the model-writing tests send: one week in São Paulo with a figure on
// every line, so a test can check each fact survives the model's rewording.
import type { Remetente, ResumoSemanalInput } from "../../compose/message-types";

/** The week of 02/03 to 08/03/2026: 15 leads, 12 contacted (80%), median first response 1h25, 4 visits. */
export function weeklySummaryInput(remetente: Remetente): ResumoSemanalInput {
  const sp = (iso: string) => new Date(`${iso}-03:00`);
  return {
    semana: { desde: sp("2026-03-02T00:00"), ate: sp("2026-03-09T00:00") },
    timezone: "America/Sao_Paulo",
    remetente,
    desempenho: {
      recebidos: 15,
      contatados: 12,
      percentualContatados: 80,
      medianaPrimeiraRespostaMin: 85,
      respostasMedidas: 12,
      visitasSolicitadas: 4,
      porStatus: [{ status: "em_contato", leads: 12 }],
    },
    demanda: { bairros: [{ nome: "Pinheiros", leads: 9 }], tipos: [], faixasPreco: [] },
  };
}
