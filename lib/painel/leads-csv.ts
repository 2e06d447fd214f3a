// The filtered lead list as a spreadsheet a pt-BR Excel opens as is: UTF-8 with a BOM (or accents
// break), ";" between fields (Excel pt-BR reads "," as the decimal mark), CRLF line ends.
import type { LeadListado } from "@/lib/db/queries/leads-lista";
import { formatPhone } from "@/lib/phone/format-phone";
import { origemLabel } from "@/lib/portals/origem-label";
import { formatDataHora } from "@/lib/time/format-data-hora";
import { STATUS_LEAD } from "./rotulos";

export const CSV_BOM = "\uFEFF";
const COLUNAS = ["Nome", "Telefone", "E-mail", "Portal", "Score", "Situação", "Corretor", "Recebido em", "ID"];

/**
 * One field, quoted when it holds the separator, a quote or a line break. A leading = + - @ would make
 * Excel run the cell as a formula (a lead's name comes from the internet): an apostrophe disarms it.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const linha = (fields: (string | number | null | undefined)[]) => `${fields.map(csvField).join(";")}\r\n`;

export function leadsCsvHeader(): string {
  return CSV_BOM + linha(COLUNAS);
}

export function leadCsvLine(lead: LeadListado, timezone: string): string {
  return linha([
    lead.nome,
    formatPhone(lead.telefone),
    lead.email,
    origemLabel(lead.origem),
    lead.score,
    lead.status ? STATUS_LEAD[lead.status].rotulo : "",
    lead.corretorNome ?? "Sem corretor",
    formatDataHora(lead.dataPrimeiroContato, timezone),
    lead.id,
  ]);
}
