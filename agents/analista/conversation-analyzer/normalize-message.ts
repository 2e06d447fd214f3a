// One pass that turns a portal message, a note or a WhatsApp reply into the plain text the rules
// read: no accents, lower case, no punctuation or emojis, slang and common typos spelled out.
import { foldText } from "@/lib/text/fold-text";

// Whole words only; what portals and WhatsApp actually carry ("qro", "vc", "apto", "pfv", "hj").
const SLANG: Record<string, string> = {
  qro: "quero",
  qero: "quero",
  kero: "quero",
  vc: "voce",
  vcs: "voces",
  pfv: "por favor",
  pfvr: "por favor",
  pf: "por favor",
  plz: "por favor",
  ap: "apartamento",
  apto: "apartamento",
  apt: "apartamento",
  aps: "apartamentos",
  aptos: "apartamentos",
  tb: "tambem",
  tbm: "tambem",
  hj: "hoje",
  amnh: "amanha",
  fds: "fim de semana",
  n: "nao",
  naum: "nao",
  q: "que",
  oq: "o que",
  pq: "porque",
  td: "tudo",
  blz: "beleza",
  obg: "obrigado",
  obgd: "obrigado",
  obgda: "obrigada",
  brigado: "obrigado",
  vlw: "valeu",
  msg: "mensagem",
  mt: "muito",
  mto: "muito",
  mta: "muita",
  pra: "para",
  pro: "para o",
  p: "para",
  ta: "esta",
  tah: "esta",
  to: "estou",
  zap: "whatsapp",
  wpp: "whatsapp",
  whats: "whatsapp",
  zapzap: "whatsapp",
  interece: "interesse",
  interese: "interesse",
  intereste: "interesse",
  enteresse: "interesse",
  imoveu: "imovel",
  cond: "condominio",
  m2: "metros quadrados",
};

/** Lower-case, accent-free words separated by single spaces, with slang spelled out. */
export function normalizeMessage(text: string): string {
  const folded = foldText(text)
    // "muitooo", "simmm": three or more of a letter are one.
    .replace(/([a-z])\1{2,}/g, "$1")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (!folded) return "";
  return folded
    .split(" ")
    .map((word) => SLANG[word] ?? word)
    .join(" ");
}
