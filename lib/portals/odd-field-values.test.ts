// Every field of every portal's real payload, replaced in turn by each kind of odd JSON value a
// flaky sender produces: the lead (still reachable by its other contact) is kept, never refused.
import { describe, expect, it } from "vitest";
import chavesNaMao from "./fixtures/chaves-na-mao-lead.json";
import contactForm from "./fixtures/grupo-olx-lead-contact-form.json";
import imovelweb from "./fixtures/imovelweb-contacto.json";
import { PORTAL_PARSERS, type PortalSlug } from "./index";
import { normalizedLeadSchema } from "./normalized-lead";

const generico = {
  id: "site-000123",
  origem: "site",
  criadoEm: "2026-11-22T14:03:22-03:00",
  nome: "Ana Paula Rocha",
  telefone: "(11) 98765-4321",
  email: "ana.rocha@example.com",
  mensagem: "Quero visitar.",
  tipoLead: "visita",
  imovel: {
    codigo: "AP0142",
    titulo: "Apto",
    tipo: "Apartamento",
    finalidade: "venda",
    preco: 850000,
    bairro: "Pinheiros",
    cidade: "São Paulo",
    uf: "SP",
  },
};

const BODIES: [PortalSlug, Record<string, unknown>][] = [
  ["grupo-olx", contactForm],
  ["chaves-na-mao", chavesNaMao],
  ["imovelweb", imovelweb],
  ["generico", generico],
];

const ODD_VALUES: unknown[] = [
  0,
  -1,
  3,
  1.5,
  11987004004,
  Number.MAX_SAFE_INTEGER,
  true,
  false,
  null,
  "",
  "   ",
  "x".repeat(6000),
  "😀".repeat(3000),
  {},
  { a: 1 },
  [],
  ["x"],
  "1970-01-01",
  "não",
  "VISIT_REQUEST",
];

/** Every path to a value in the body, nested objects included ("contacto", "contacto.email"). */
function paths(value: Record<string, unknown>, prefix: string[] = []): string[][] {
  return Object.entries(value).flatMap(([key, v]) => {
    const here = [...prefix, key];
    return v && typeof v === "object" && !Array.isArray(v)
      ? [here, ...paths(v as Record<string, unknown>, here)]
      : [here];
  });
}

function withValue(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (!rest.length) return { ...body, [head!]: value };
  return { ...body, [head!]: withValue(body[head!] as Record<string, unknown>, rest, value) };
}

describe.each(BODIES)("%s: an odd value in any one field keeps the lead", (portal, body) => {
  // Imovelweb's phone and e-mail both live in `contacto`: without it nobody can be reached (422).
  const all = paths(body).filter((p) => p.join(".") !== "contacto");

  it.each(all.map((p) => [p.join("."), p] as const))("%s", (_, path) => {
    for (const value of ODD_VALUES) {
      const lead = PORTAL_PARSERS[portal](withValue(body, path, value));
      expect(normalizedLeadSchema.safeParse(lead).success, `${JSON.stringify(value)?.slice(0, 20)}`).toBe(true);
      for (const a of lead.ajustes ?? []) expect(a.campo.startsWith(path.join(".")), a.campo).toBe(true);
    }
  });

  it("a missing field of any kind keeps the lead too", () => {
    for (const path of all) {
      const copy = structuredClone(body);
      const parent = path.slice(0, -1).reduce((o, k) => o[k] as Record<string, unknown>, copy);
      delete parent[path.at(-1)!];
      expect(() => PORTAL_PARSERS[portal](copy), path.join(".")).not.toThrow();
    }
  });
});
