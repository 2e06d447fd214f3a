// WhatsApp's text formatting (*bold*, _italic_, ~strike~, line breaks, bare links) parsed into a
// small tree the dashboard renders as React elements. Never HTML: the text stays text, so nothing a
// lead typed can become markup.

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "break" }
  | { kind: "link"; href: string; text: string }
  | { kind: "bold" | "italic" | "strike"; children: Inline[] };

const MARKERS = { "*": "bold", _: "italic", "~": "strike" } as const;

// Like WhatsApp: a marker opens after the start or a non-word character and before a non-space;
// it closes after a non-space and before the end or a non-word character; no marker of the same
// kind inside, and never across a line break (lines are parsed one by one).
const STYLE = /(^|[^\p{L}\p{N}])([*_~])(?!\s)((?:(?!\2).)+?)(?<!\s)\2(?=$|[^\p{L}\p{N}])/u;

// http(s) only: anything else (javascript:, data:) stays plain text.
const URL_RE = /\bhttps?:\/\/[^\s<>"]+/giu;
// Punctuation that ends a sentence is not part of the link ("veja https://x.com/a.").
const TRAILING = /[.,;:!?'")\]}]+$/u;

function parseStyles(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const m = STYLE.exec(rest);
    if (!m) break;
    const [whole, before = "", marker = "*", content = ""] = m;
    const head = rest.slice(0, m.index) + before;
    if (head) out.push({ kind: "text", text: head });
    out.push({ kind: MARKERS[marker as keyof typeof MARKERS], children: parseStyles(content) });
    rest = rest.slice(m.index + whole.length);
  }
  if (rest) out.push({ kind: "text", text: rest });
  return out;
}

function parseLine(line: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of line.matchAll(URL_RE)) {
    const href = m[0].replace(TRAILING, "");
    if (m.index > last) out.push(...parseStyles(line.slice(last, m.index)));
    out.push({ kind: "link", href, text: href });
    last = m.index + href.length;
  }
  if (last < line.length) out.push(...parseStyles(line.slice(last)));
  return out;
}

/** The message as WhatsApp shows it: one tree, with `break` nodes where the lines end. */
export function parseWhatsAppText(corpo: string): Inline[] {
  const lines = corpo.replace(/\r\n?/g, "\n").split("\n");
  return lines.flatMap((line, i) => (i === 0 ? parseLine(line) : [{ kind: "break" } as const, ...parseLine(line)]));
}
