// The short link as a broker taps it: on to WhatsApp or the lead page, the tap kept once as their first
// action; and as anyone else meets it: a pt-BR page, nothing recorded, no lead named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { listInteracoesDoLead } from "@/lib/db/queries/interacoes";
import { getLeadById, saveRascunhoLead, type Lead } from "@/lib/db/queries/leads";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertLead } from "@/lib/db/testing/leads";
import type { Corretor } from "@/lib/db/queries/corretores";
import { signShortLink, type ShortLinkKind } from "@/lib/links/short-link";
import { TEST_LINKS_KEY } from "@/lib/links/testing/test-lead-links";
import { firstResponse } from "@/lib/painel/first-response";
import { followShortLinkResponse } from "./follow-short-link-response";

const NOW = new Date("2026-12-05T15:00:00Z");
const RECEBIDO = new Date("2026-12-05T14:48:00Z");
const WEEK = 7 * 24 * 3_600_000;

let t: TestDb;
let ana: Corretor;
let bruno: Corretor;
let estranho: Corretor;
let lead: Lead;
let outro: Lead;

beforeAll(async () => {
  t = await createTestDb();
  const agency = await insertImobiliaria(t.db, { slug: "links-a", nome: "Imobiliária Centro" });
  const other = await insertImobiliaria(t.db, { slug: "links-b", nome: "Outra" });
  ana = await insertCorretor(t.db, { imobiliariaId: agency.id, nome: "Ana Lima", telefone: "+5511900060001" });
  bruno = await insertCorretor(t.db, { imobiliariaId: agency.id, nome: "Bruno Reis", telefone: "+5511900060002" });
  estranho = await insertCorretor(t.db, { imobiliariaId: other.id, nome: "Estranho", telefone: "+5511900060003" });
  lead = await insertLead(t.db, {
    imobiliariaId: agency.id,
    corretorId: ana.id,
    nome: "Maria Souza",
    telefone: "+5511987654321",
    origem: "zap",
    status: "novo",
    dataPrimeiroContato: RECEBIDO,
  });
  outro = await insertLead(t.db, {
    imobiliariaId: other.id,
    corretorId: estranho.id,
    nome: "Pessoa de Outra Agência",
    telefone: "+5511911112222",
    dataPrimeiroContato: RECEBIDO,
  });
});
afterAll(async () => {
  await t?.cleanup();
});

const token = (kind: ShortLinkKind, over: { leadId?: string; corretorId?: string; expiraEm?: Date } = {}) =>
  signShortLink(
    {
      leadId: over.leadId ?? lead.id,
      corretorId: over.corretorId ?? ana.id,
      kind,
      expiraEm: over.expiraEm ?? new Date(NOW.getTime() + WEEK),
    },
    TEST_LINKS_KEY,
  );

function tap(
  value: string,
  opts: { at?: Date; method?: string; userAgent?: string; viewer?: { corretorId: string | null } | null } = {},
) {
  const request = new Request(`http://localhost/r/${value}`, {
    method: opts.method ?? "GET",
    headers: { "user-agent": opts.userAgent ?? "Mozilla/5.0 (iPhone) Mobile Safari" },
  });
  return followShortLinkResponse(request, value, {
    db: t.db,
    key: TEST_LINKS_KEY,
    now: opts.at ?? NOW,
    viewer: async () => opts.viewer ?? null,
  });
}

const toques = async (leadId = lead.id) =>
  (await listInteracoesDoLead(t.db, leadId)).filter((i) => i.tipo === "toque_link");

describe("GET /r/<token>", () => {
  it("refuses garbage, an altered token and a forged one with a pt-BR 404 page, recording nothing", async () => {
    const good = token("wa");
    const bytes = Buffer.from(good, "base64url");
    bytes[5] = bytes[5]! ^ 1;
    for (const bad of ["nada", "%00", bytes.toString("base64url"), `${good.slice(0, -2)}AA`]) {
      const res = await tap(bad);
      expect(res.status, bad).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain("Link inválido");
      expect(html).toContain('lang="pt-BR"');
      expect(html).not.toContain("Maria");
    }
    expect(await toques()).toEqual([]);
  });

  it("answers an expired link with 410 and records nothing", async () => {
    const res = await tap(token("wa", { expiraEm: new Date(NOW.getTime() - 3_600_000) }));
    expect(res.status).toBe(410);
    expect(await res.text()).toContain("Este link expirou");
    expect(await toques()).toEqual([]);
  });

  it("never reaches another agency's lead: a token naming it, signed for a broker of this agency, is invalid", async () => {
    const res = await tap(token("wa", { leadId: outro.id, corretorId: ana.id }));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("Pessoa de Outra");
    expect(await toques(outro.id)).toEqual([]);
  });

  it("does not count a link preview, a HEAD, or a manager reading the outbox as the broker's tap", async () => {
    expect((await tap(token("wa"), { userAgent: "WhatsApp/2.23.20.0 A" })).status).toBe(303);
    expect((await tap(token("wa"), { method: "HEAD" })).status).toBe(303);
    expect((await tap(token("lead"), { viewer: { corretorId: null } })).status).toBe(303);
    expect((await tap(token("lead"), { viewer: { corretorId: bruno.id } })).status).toBe(303);
    expect(await toques()).toEqual([]);
  });

  it("opens the chat with the reply draft a model wrote for the lead, when there is one", async () => {
    const comRascunho = await insertLead(t.db, {
      imobiliariaId: lead.imobiliariaId!,
      corretorId: ana.id,
      nome: "Joana Prado",
      telefone: "+5511987650002",
      origem: "zap",
      status: "novo",
      dataPrimeiroContato: RECEBIDO,
    });
    const texto = "Oi, Joana! Aqui é a Ana, da Imobiliária Centro. Quer ver o apartamento no sábado?";
    expect(await saveRascunhoLead(t.db, comRascunho.id, { texto, motor: "modelo:x", em: NOW.toISOString() })).toBe(
      true,
    );
    const res = await tap(token("wa", { leadId: comRascunho.id }), { viewer: { corretorId: ana.id } });
    expect(new URL(res.headers.get("location")!).searchParams.get("text")).toBe(texto);
  });

  it("sends the broker to wa.me with the greeting, records the tap once as the first response, keeps the status", async () => {
    const res = await tap(token("wa"), { viewer: { corretorId: ana.id } });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe("https://wa.me/5511987654321");
    expect(location.searchParams.get("text")).toBe(
      "Olá, Maria! Aqui é Ana (Imobiliária Centro). Recebi seu contato pelo ZAP Imóveis. Posso te mandar mais fotos e detalhes. Podemos conversar?",
    );
    expect(res.headers.get("cache-control")).toBe("no-store");

    const later = new Date(NOW.getTime() + 60_000);
    expect((await tap(token("wa"), { at: later })).status).toBe(303);
    expect((await tap(token("lead"), { at: later })).status).toBe(303);

    const rows = await toques();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ data: NOW, metadata: { corretorId: ana.id, link: "wa" } });
    expect(rows[0]!.conteudo).toContain("Ana Lima");
    const saved = await getLeadById(t.db, lead.imobiliariaId!, lead.id);
    expect(saved).toMatchObject({ status: "novo", dataUltimaInteracao: NOW });
    expect(firstResponse(saved!, await listInteracoesDoLead(t.db, lead.id))).toEqual({ em: NOW, minutos: 12 });
  });

  it("sends the lead-page link to /leads/<id>, where the login decides", async () => {
    const res = await tap(token("lead"));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/leads/${lead.id}`);
  });

  it("after the lead went to another broker, the old link is refused (410) and records nothing for them", async () => {
    const passado = await insertLead(t.db, {
      imobiliariaId: lead.imobiliariaId!,
      corretorId: bruno.id,
      nome: "Lead Passado",
      telefone: "+5511987650000",
      dataPrimeiroContato: RECEBIDO,
    });
    const res = await tap(token("wa", { leadId: passado.id, corretorId: ana.id }));
    expect(res.status).toBe(410);
    expect(await res.text()).toContain("outro corretor");
    expect(await toques(passado.id)).toEqual([]);
    expect((await tap(token("wa", { leadId: passado.id, corretorId: bruno.id }))).status).toBe(303);
    expect(await toques(passado.id)).toHaveLength(1);
  });
});
