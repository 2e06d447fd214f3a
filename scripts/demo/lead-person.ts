// Invented people for demo leads: names with accents, E.164 mobiles with real DDDs, e-mails.
import { DDDS, DOMINIOS_EMAIL, PRIMEIROS_NOMES, SOBRENOMES } from "./catalog";
import type { Random } from "./random";

const MOBILE_SPACE = 40_000_000; // 8-digit subscriber numbers 6000-0000 … 9999-9999, after the leading 9
// Odd and not a multiple of 5, so i ↦ (i·STEP + offset) mod MOBILE_SPACE never repeats a number.
const PHONE_STEP = 15_485_863;

export function pickName(rng: Random): string {
  const first = rng.pick(PRIMEIROS_NOMES);
  const last = rng.pick(SOBRENOMES);
  if (!rng.chance(0.4)) return `${first} ${last}`;
  let middle = rng.pick(SOBRENOMES);
  if (middle === last) middle = rng.pick(SOBRENOMES);
  return middle === last ? `${first} ${last}` : `${first} ${middle} ${last}`;
}

/** Lead #i's mobile: unique within one seeding, so the demo has no accidental "same person". */
export function buildPhone(rng: Random, i: number, offset: number): string {
  const ddd = rng.weighted(DDDS);
  const subscriber = 60_000_000 + ((i * PHONE_STEP + offset) % MOBILE_SPACE);
  return `+55${ddd}9${subscriber}`;
}

const plain = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** A plausible address; `taken` keeps it unique, since the same e-mail would mean the same person. */
export function buildEmail(rng: Random, nome: string, taken: Set<string>, i: number): string {
  const parts = nome.split(" ").map(plain);
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const domain = rng.weighted(DOMINIOS_EMAIL);
  const local = rng.weighted<() => string>([
    [() => `${first}.${last}`, 40],
    [() => `${first}${last}${rng.int(1, 99)}`, 25],
    [() => `${first}_${last}`, 10],
    [() => `${first[0]}${last}${rng.int(1970, 2006)}`, 15],
    [() => (parts.length > 2 ? `${first}.${parts[1]}.${last}` : `${first}${last}`), 10],
  ])();
  let email = `${local}@${domain}`;
  if (taken.has(email)) email = `${local}.${i}@${domain}`;
  taken.add(email);
  return email;
}
