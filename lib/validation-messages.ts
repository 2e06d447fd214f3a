// pt-BR text for zod issues. A message written in the schema is kept; zod's built-in English
// defaults are rewritten from the issue's fields. zod's own "pt" locale is European
// Portuguese and echoes regex patterns, so it is not used.
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

// zod's English defaults all start like this; schema authors write pt-BR.
const ENGLISH_DEFAULT = /^(Invalid |Too (big|small):|Unrecognized keys?:|Expected )/;

const TYPE_NAMES: Record<string, string> = {
  string: "texto",
  number: "número",
  int: "número inteiro",
  bigint: "número inteiro",
  boolean: "verdadeiro ou falso",
  date: "data",
  array: "lista",
  tuple: "lista",
  object: "objeto",
  record: "objeto",
  map: "objeto",
  set: "lista",
  null: "nulo",
};

const FORMAT_MESSAGES: Record<string, string> = {
  email: "E-mail inválido",
  url: "URL inválida",
  uuid: "Identificador inválido",
  guid: "Identificador inválido",
  ulid: "Identificador inválido",
  datetime: "Data e hora inválidas (use o formato ISO 8601)",
  date: "Data inválida (use AAAA-MM-DD)",
  time: "Hora inválida (use HH:MM)",
  e164: "Telefone inválido (use o formato internacional, ex.: +5511999990000)",
  ipv4: "Endereço IP inválido",
  ipv6: "Endereço IP inválido",
  base64: "Texto base64 inválido",
  jwt: "Token inválido",
};

const UNITS: Record<string, [string, string]> = {
  string: ["caractere", "caracteres"],
  array: ["item", "itens"],
  set: ["item", "itens"],
  file: ["byte", "bytes"],
};

function quantity(n: number | bigint, origin: string): string {
  const unit = UNITS[origin];
  return unit ? `${n} ${Number(n) === 1 ? unit[0] : unit[1]}` : String(n);
}

function formatValue(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

function describeDefault(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      if (/received undefined$/.test(issue.message)) return "Campo obrigatório";
      return `Tipo inválido: esperava ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small": {
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "Não pode ficar vazio";
      if (issue.origin === "array" && Number(issue.minimum) === 1) return "Informe pelo menos um item";
      const sized = UNITS[issue.origin] !== undefined;
      const n = quantity(issue.minimum, issue.origin);
      if (sized) return `Deve ter ${issue.exact ? "exatamente" : "pelo menos"} ${n}`;
      return issue.inclusive ? `Deve ser maior ou igual a ${n}` : `Deve ser maior que ${n}`;
    }
    case "too_big": {
      const sized = UNITS[issue.origin] !== undefined;
      const n = quantity(issue.maximum, issue.origin);
      if (sized) return `Deve ter ${issue.exact ? "exatamente" : "no máximo"} ${n}`;
      return issue.inclusive ? `Deve ser menor ou igual a ${n}` : `Deve ser menor que ${n}`;
    }
    case "invalid_format":
      if (issue.format === "starts_with" && "prefix" in issue) return `Deve começar com "${String(issue.prefix)}"`;
      if (issue.format === "ends_with" && "suffix" in issue) return `Deve terminar com "${String(issue.suffix)}"`;
      if (issue.format === "includes" && "includes" in issue) return `Deve conter "${String(issue.includes)}"`;
      return FORMAT_MESSAGES[issue.format] ?? "Formato inválido";
    case "invalid_value":
      if (issue.values.length === 1) return `Deve ser ${formatValue(issue.values[0])}`;
      return `Opção inválida: use ${issue.values.map(formatValue).join(", ")}`;
    case "not_multiple_of":
      return `Deve ser múltiplo de ${String(issue.divisor)}`;
    case "unrecognized_keys":
      return issue.keys.length === 1
        ? `Campo não permitido: ${issue.keys[0]}`
        : `Campos não permitidos: ${issue.keys.join(", ")}`;
    default:
      return "Valor inválido";
  }
}

/** The pt-BR message for one zod issue. */
export function describeZodIssue(issue: Issue): string {
  return ENGLISH_DEFAULT.test(issue.message) ? describeDefault(issue) : issue.message;
}

/** "lead.phone", "itens.0.nome"; "" for an issue about the whole input. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === "symbol" ? (part.description ?? "") : String(part))).join(".");
}
