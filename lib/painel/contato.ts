// How the lead page shows and links a contact: the phone readable ("+55 11 97654-3210") with `tel:`
// and `wa.me` links, and prices in reais. Only for people with the right to the lead's contact.
import { parsePhoneNumberFromString } from "libphonenumber-js";

/** "+55 11 97654-3210"; a value that is not a phone (kept raw by the intake) is shown as received. */
export function telefoneLegivel(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  return phone?.isValid() ? phone.formatInternational() : e164;
}

/** Null when the value is not an E.164 number: no link is better than a wrong one. */
export function telLink(e164: string): string | null {
  return /^\+[1-9]\d{7,14}$/.test(e164) ? `tel:${e164}` : null;
}

export function whatsappLink(e164: string): string | null {
  return /^\+[1-9]\d{7,14}$/.test(e164) ? `https://wa.me/${e164.slice(1)}` : null;
}

const REAIS = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL", maximumFractionDigits: 0 });

export function formatReais(valor: number | null | undefined): string {
  return valor === null || valor === undefined ? "—" : REAIS.format(valor);
}
