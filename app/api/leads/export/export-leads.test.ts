// The CSV export as a manager's Excel receives it, and as a broker or a stranger is refused it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertLead } from "@/lib/db/testing/leads";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { exportLeadsResponse } from "./export-leads";

let t: TestDb;
let agency: string;
let other: string;
let carla: string;

beforeAll(async () => {
  t = await createTestDb();
  agency = (await insertImobiliaria(t.db, { slug: "export-a", nome: "A" })).id;
  other = (await insertImobiliaria(t.db, { slug: "export-b", nome: "B" })).id;
  carla = (await insertCorretor(t.db, { imobiliariaId: agency, nome: "Carla", telefone: "+5511900050001" })).id;
  await insertLead(t.db, {
    imobiliariaId: agency,
    corretorId: carla,
    nome: 'José; "Zé" da Silva',
    telefone: "+5511987654321",
    email: "ze@exemplo.com",
    origem: "zap",
    score: 85,
    dataPrimeiroContato: new Date("2026-03-10T12:05:00Z"),
  });
  await insertLead(t.db, {
    imobiliariaId: agency,
    corretorId: null,
    nome: '=HYPERLINK("x")',
    telefone: "+551134567890",
    origem: "olx",
    score: 10,
    dataPrimeiroContato: new Date("2026-03-10T13:00:00Z"),
  });
  await insertLead(t.db, {
    imobiliariaId: other,
    nome: "De outra agência",
    telefone: "+5511911112222",
    dataPrimeiroContato: new Date("2026-03-10T14:00:00Z"),
  });
});
afterAll(async () => {
  await t?.cleanup();
});

const deps = () => ({
  db: t.db,
  loadAgency: async () => ({ timezone: "America/Sao_Paulo", scoreQuente: 70 }),
});
const gestor = () => ({ papel: "gestor" as const, imobiliariaId: agency, corretorId: null });
const get = (viewer: Parameters<typeof exportLeadsResponse>[0], query = "") =>
  exportLeadsResponse(viewer, new URL(`http://x/api/leads/export${query}`), deps());

describe("exportLeadsResponse", () => {
  it("gives a manager the agency's leads as a UTF-8 CSV with a BOM, ';' and pt-BR headers", async () => {
    const res = get(gestor());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n"); // the decoder drops the BOM
    expect(lines[0]).toBe("Nome;Telefone;E-mail;Portal;Score;Situação;Corretor;Recebido em;ID");
    expect(lines[1]).toMatch(
      /^"'=HYPERLINK\(""x""\)";\(11\) 3456-7890;;OLX;10;Novo;Sem corretor;10\/03\/2026 10:00;lead_/,
    );
    expect(lines[2]).toMatch(
      /^"José; ""Zé"" da Silva";\(11\) 98765-4321;ze@exemplo\.com;ZAP Imóveis;85;Novo;Carla;10\/03\/2026 09:05;lead_/,
    );
    expect(lines.slice(3)).toEqual([""]);
  });

  it("applies the same URL filters as /leads, ignoring a bad value", async () => {
    const text = await get(gestor(), "?quentes=1&status=nada").text();
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(2);
    expect(text).toContain("Zé");
    const byPhone = await get(gestor(), `?q=${encodeURIComponent("(11) 3456-7890")}`).text();
    expect(byPhone).toContain("HYPERLINK");
    expect(byPhone).not.toContain("Zé");
  });

  it("refuses a broker with a 403 in JSON, and nobody logged in with a 401", async () => {
    const res = get({ papel: "corretor", imobiliariaId: agency, corretorId: carla });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
    expect(get(null).status).toBe(401);
  });
});
