// Temporary passwords. An admin creating a login or resetting a password gets one, shown once, to
// hand over in person or by WhatsApp: Lastro sends no e-mail, so a one-time link would travel the
// same way and need its own table and public page. The login it opens can do one thing: choose a
// new password (lib/auth/authorize.ts sends it to /conta), and after SENHA_PROVISORIA_HORAS it
// opens nothing, so a forgotten handover does not leave a working password lying in a chat.
import { randomInt } from "node:crypto";

export const SENHA_PROVISORIA_HORAS = 72;

// No 0/O, 1/l/I: read aloud or copied by hand from a phone without mistakes.
const ALFABETO = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Three groups of four, e.g. "k7Qm-xP3a-Wn9c": about 70 bits, well past the 10-character minimum. */
export function newSenhaProvisoria(): string {
  const grupo = () => Array.from({ length: 4 }, () => ALFABETO[randomInt(ALFABETO.length)]).join("");
  return `${grupo()}-${grupo()}-${grupo()}`;
}

export function senhaProvisoriaAte(now: Date): Date {
  return new Date(now.getTime() + SENHA_PROVISORIA_HORAS * 60 * 60 * 1000);
}

/** Whether a temporary password has run out (a permanent one, `null`, never does). */
export function senhaProvisoriaVencida(ate: Date | null, now: Date): boolean {
  return ate !== null && ate.getTime() <= now.getTime();
}
