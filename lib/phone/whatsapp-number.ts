// A number someone types to receive WhatsApp (a broker's, a manager's): read as Brazilians write
// it, stored in E.164, refused with a pt-BR reason when it cannot receive WhatsApp (a landline).
import { normalizePhoneBR } from "./normalize-phone";

export const ERRO_NUMERO_INVALIDO = "Número inválido. Use o DDD, ex.: (11) 98765-4321.";
export const ERRO_TELEFONE_FIXO = "Este número é de telefone fixo: informe um celular com WhatsApp.";

export type WhatsappNumber = { e164: string; erro?: undefined } | { e164?: undefined; erro: string };

export function parseWhatsappNumber(input: string): WhatsappNumber {
  const phone = normalizePhoneBR(input);
  if (!phone.e164) return { erro: ERRO_NUMERO_INVALIDO };
  if (!phone.mobile) return { erro: ERRO_TELEFONE_FIXO };
  return { e164: phone.e164 };
}
