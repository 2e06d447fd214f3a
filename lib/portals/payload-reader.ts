// Reads a portal's JSON body field by field, leniently, because portals do not retry a 4xx and a
// refused lead is lost: what has one obvious meaning is converted (a phone sent as a JSON number),
// what is too long is truncated, what is unusable is dropped. Each change is noted as an Ajuste
// (field and reason, never the value), kept in the lead's metadata.
import { createHash } from "node:crypto";
import { z, ZodError } from "zod";
import { parsePortalDate } from "./parse-portal-date";

export const ACOES_AJUSTE = ["convertido", "truncado", "descartado", "gerado"] as const;
export type Ajuste = { campo: string; acao: (typeof ACOES_AJUSTE)[number]; motivo: string };

/** Where the whole text of a truncated field is kept (the interação of the delivery). */
export type TextoOriginal = { nome?: string; email?: string; mensagem?: string };
export type OriginalField = keyof TextoOriginal;

const DEVE_SER_TEXTO = "deve ser texto";
const DESCONHECIDO = "valor desconhecido";
const emailSchema = z.email();

/** What a JSON number given for text becomes: its digits, noted; its digits, unremarked (ids, words); dropped. */
type NumbersAs = "noted" | "silent" | "dropped";

export class PayloadReader {
  private constructor(
    private readonly fields: Record<string, unknown>,
    private readonly prefix: string,
    readonly ajustes: Ajuste[],
    readonly textoOriginal: TextoOriginal,
  ) {}

  /** A body that is not a JSON object has nothing to read: the one refusal made here. */
  static of(body: unknown): PayloadReader {
    if (!isPlainObject(body)) {
      throw new ZodError([{ code: "custom", path: [], message: "o corpo deve ser um objeto JSON", input: body }]);
    }
    return new PayloadReader(body, "", [], {});
  }

  /** The raw value, for the few fields a parser reads by hand. */
  value(key: string): unknown {
    return this.fields[key];
  }

  note(key: string, acao: Ajuste["acao"], motivo: string): void {
    this.ajustes.push({ campo: this.path(key), acao, motivo });
  }

  /** A nested object; a value of another type is dropped (noted). */
  object(key: string): PayloadReader | null {
    const v = this.fields[key];
    if (v === undefined || v === null) return null;
    if (!isPlainObject(v)) return this.drop(key, "deve ser objeto");
    return new PayloadReader(v, this.path(key), this.ajustes, this.textoOriginal);
  }

  /** Trimmed text (a JSON number becomes its digits); blank → null; over `max` → cut, the whole kept in `keep`. */
  text(key: string, max: number, keep?: OriginalField): string | null {
    const s = this.readString(key, "noted");
    if (s === null) return null;
    if (s.length <= max) return s;
    if (keep) this.textoOriginal[keep] = s;
    this.note(key, "truncado", `mais de ${max} caracteres${keep ? "; texto completo na interação" : ""}`);
    return cut(s, max);
  }

  /** An id: text or number. Over `max` it could no longer be told apart from another, so it is dropped. */
  id(key: string, max: number): string | null {
    const s = this.readString(key, "silent");
    if (s === null || s.length <= max) return s;
    return this.drop(key, `mais de ${max} caracteres`);
  }

  /**
   * The delivery's idempotency key. Without a usable one the body's own digest stands in: a portal's
   * retry sends the same bytes, so it is still recognised as the same delivery.
   */
  deliveryKey(key: string, max: number): string {
    const id = this.id(key, max);
    if (id !== null) return id;
    this.note(key, "gerado", "ausente ou ilegível; chave gerada a partir do corpo");
    return `corpo-${createHash("sha256").update(JSON.stringify(this.fields)).digest("hex").slice(0, 40)}`;
  }

  /** Lower-cased e-mail; one that is not an e-mail is dropped; over `max` → cut, the whole kept. */
  email(key: string, max: number): string | null {
    const s = this.readString(key, "dropped")?.toLowerCase() ?? null;
    if (s === null) return null;
    if (!emailSchema.safeParse(s).success) return this.drop(key, "e-mail inválido");
    if (s.length <= max) return s;
    this.textoOriginal.email = s;
    this.note(key, "truncado", `mais de ${max} caracteres; texto completo na interação`);
    return cut(s, max);
  }

  /** A non-negative amount; "850000" is converted, "850 mil" and out-of-range values are dropped. */
  amount(key: string, max: number): number | null {
    const v = this.fields[key];
    if (v === undefined || v === null || v === "") return null;
    let n: number;
    if (typeof v === "number") n = v;
    else if (typeof v === "string" && /^\s*\d+(\.\d+)?\s*$/.test(v)) {
      n = Number(v);
      this.note(key, "convertido", "texto lido como número");
    } else return this.drop(key, "deve ser número");
    return Number.isFinite(n) && n >= 0 && n <= max ? n : this.drop(key, "fora do intervalo aceito");
  }

  /** ISO 8601 text (a zone-less one is São Paulo time); anything else is dropped. */
  date(key: string): Date | null {
    const v = this.fields[key];
    if (v === undefined || v === null || (typeof v === "string" && !v.trim())) return null;
    const date = typeof v === "string" && v.length <= 40 ? parsePortalDate(v) : null;
    return date ?? this.drop(key, "data inválida; use ISO 8601");
  }

  /** One word of a vocabulary (`read` maps it, null = unknown); unknown values are dropped. */
  choice<T>(key: string, read: (value: string) => T | null): T | null {
    const s = this.readString(key, "silent");
    if (s === null) return null;
    return read(s) ?? this.drop(key, DESCONHECIDO);
  }

  /** Trimmed text or null (missing, blank, or of a type that is not text: dropped, noted). */
  private readString(key: string, numbers: NumbersAs): string | null {
    const v = this.fields[key];
    if (v === undefined || v === null) return null;
    if (typeof v === "string") return v.trim() || null;
    if (numbers !== "dropped" && typeof v === "number" && Number.isFinite(v)) {
      if (numbers === "noted") this.note(key, "convertido", "número lido como texto");
      return String(v);
    }
    return this.drop(key, DEVE_SER_TEXTO);
  }

  private drop(key: string, motivo: string): null {
    this.note(key, "descartado", motivo);
    return null;
  }

  private path(key: string): string {
    return this.prefix ? `${this.prefix}.${key}` : key;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Cuts at `max` UTF-16 units without leaving half of an emoji (a lone surrogate Postgres refuses). */
function cut(s: string, max: number): string {
  const code = s.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return s.slice(0, end).trimEnd();
}
