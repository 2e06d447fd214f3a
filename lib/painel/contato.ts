// How the lead page links a contact (`tel:` and `wa.me`; the readable form is lib/phone/format-phone.ts,
// as on the list) and writes prices in reais. Only for people with the right to the lead's contact.
import { isE164 } from "@/lib/phone/e164";

/** Null when the value is not an E.164 number: no link is better than a wrong one. */
export function telLink(e164: string): string | null {
  return isE164(e164) ? `tel:${e164}` : null;
}

export function whatsappLink(e164: string): string | null {
  return isE164(e164) ? `https://wa.me/${e164.slice(1)}` : null;
}

const REAIS = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL", maximumFractionDigits: 0 });

export function formatReais(valor: number | null | undefined): string {
  return valor === null || valor === undefined ? "—" : REAIS.format(valor);
}
