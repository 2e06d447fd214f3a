// Integration: real fixture bodies through both doors of the intake — the real route handler, and
// the direct lane `npm start` serves them by, over a real localhost socket — into a real database
// (PGlite, or the Postgres at DATABASE_URL in CI). Portals are replaced by the test itself posting
// their payloads; nothing leaves the machine.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDbForTests } from "@/lib/db/client";
import { listLeads } from "@/lib/db/queries/leads-lista";
import { eventos, interacoes, leads } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { authHeaders, createWebhookAgency, fixture, intakeTableCounts } from "./testing/webhook-agency";
import { WEBHOOK_DOORS, type Json, type WebhookDoor } from "./testing/webhook-doors";

let handle: TestDb;

beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
});
afterAll(async () => {
  useDbForTests(null);
  await handle.cleanup();
});

describe.each(WEBHOOK_DOORS)(
  `portal webhooks (${process.env.DATABASE_URL ? "postgres" : "pglite"}), door: %s`,
  (doorSlug, openDoor) => {
    // One agency per door: external ids and people repeat across doors without meeting.
    const SLUG = `webhook-teste-${doorSlug}`;
    let door: WebhookDoor;
    let agencyId: string;
    beforeAll(async () => {
      agencyId = (await createWebhookAgency(handle, { slug: SLUG, brokers: 3 })).agency.id;
      door = await openDoor();
    });
    afterAll(async () => door?.close());

    async function post(portal: string, body: unknown, headers: Record<string, string> = {}, slug = SLUG) {
      return door.post(portal, slug, typeof body === "string" ? body : JSON.stringify(body), headers);
    }

    it("stores each fixture: delivery, lead, first interaction and event, before the 2xx", async () => {
      const cases = [
        ["grupo-olx", "grupo-olx-lead-contact-form.json", "vivareal", "+5511987654321"],
        ["grupo-olx", "grupo-olx-lead-whatsapp-click.json", "zap", "+5521998877665"],
        ["chaves-na-mao", "chaves-na-mao-lead.json", "chavesnamao", "+5531991234567"],
        ["imovelweb", "imovelweb-contacto.json", "imovelweb", "+5521988776655"],
      ] as const;
      for (const [portal, file, origem, phone] of cases) {
        const res = await post(portal, fixture(file), authHeaders(portal));
        expect(res.status, file).toBe(201);
        const [lead] = await handle.db.select().from(leads).where(eq(leads.id, res.json.leadId));
        expect(lead?.origem).toBe(origem);
        expect(lead?.telefone).toBe(phone);
        expect(lead?.status).toBe("novo");
        expect(lead?.corretorId).toBeTruthy();
        expect((lead?.metadata as Json).score.fatores.length).toBeGreaterThan(0);
        const evts = await handle.db.select().from(eventos).where(eq(eventos.leadId, lead!.id));
        expect(evts).toHaveLength(1);
        expect(evts[0]!.processado).toBe(false);
        expect(evts[0]!.titulo).toMatch(/lead|visitar/i);
        const ints = await handle.db.select().from(interacoes).where(eq(interacoes.leadId, lead!.id));
        expect(ints.map((i) => i.tipo)).toEqual(["mensagem_portal"]);
      }
    });

    it("a generic JSON lead from the agency's site", async () => {
      const res = await post(
        "generico",
        { id: "site-001", nome: "Paula Ramos", telefone: "(11) 91234-5678", mensagem: "Quero visitar" },
        authHeaders("generico"),
      );
      expect(res.status).toBe(201);
    });

    it("a visit request raises visita_solicitada and reaches the listing's data", async () => {
      const res = await post("grupo-olx", fixture("grupo-olx-lead-visit-request.json"), authHeaders("grupo-olx"));
      expect(res.status).toBe(201);
      const [evt] = await handle.db.select().from(eventos).where(eq(eventos.leadId, res.json.leadId));
      expect(evt?.tipo).toBe("visita_solicitada");
      expect(evt?.urgencia).toBe("alta");
      const [lead] = await handle.db.select().from(leads).where(eq(leads.id, res.json.leadId));
      expect(lead?.busca).toMatchObject({ bairro: "Pinheiros", finalidade: "venda" });
    });

    it("every bad-input class gets its status and leaves the tables unchanged", async () => {
      const before = await intakeTableCounts(handle.db);
      const body = fixture("grupo-olx-lead-contact-form.json");
      const good = authHeaders("grupo-olx");
      const checks: [string, Promise<{ status: number; json: Json }>, number, string][] = [
        [
          "wrong secret",
          post(
            "grupo-olx",
            { ...body, originLeadId: "x1" },
            { authorization: `Basic ${Buffer.from("vivareal:nope").toString("base64")}` },
          ),
          401,
          "unauthorized",
        ],
        ["no credential", post("grupo-olx", { ...body, originLeadId: "x2" }), 401, "unauthorized"],
        ["unknown agency", post("grupo-olx", { ...body, originLeadId: "x3" }, good, "nao-existe"), 401, "unauthorized"],
        [
          "another portal's secret",
          post("chaves-na-mao", fixture("chaves-na-mao-lead.json"), good),
          401,
          "unauthorized",
        ],
        ["malformed JSON", post("grupo-olx", "{not json", good), 400, "invalid_json"],
        [
          "too large",
          post("grupo-olx", { ...body, originLeadId: "x4", message: "a".repeat(300 * 1024) }, good),
          413,
          "payload_too_large",
        ],
        ["body not an object", post("grupo-olx", [{ ...body, originLeadId: "x5" }], good), 422, "validation_failed"],
        [
          "no phone, no email",
          post("grupo-olx", { ...body, originLeadId: "x6", email: "", phoneNumber: "", ddd: "", phone: "" }, good),
          422,
          "validation_failed",
        ],
        ["unknown portal", post("zap-antigo", body, good), 400, "bad_request"],
      ];
      for (const [label, pending, status, code] of checks) {
        const res = await pending;
        expect(res.status, label).toBe(status);
        expect(res.json.error.code, label).toBe(code);
        expect(res.json.error.message, label).toEqual(expect.any(String));
      }
      const wrongType = await post("grupo-olx", "a=1", {
        ...good,
        "content-type": "application/x-www-form-urlencoded",
      });
      expect(wrongType.status).toBe(415);
      expect(wrongType.json.error.code).toBe("unsupported_media_type");
      const unreachable = await post(
        "grupo-olx",
        { ...body, originLeadId: "x7", email: 0, phoneNumber: false, ddd: "", phone: "" },
        good,
      );
      expect(unreachable.status).toBe(422);
      expect(unreachable.json.error.fields.map((f: Json) => f.path)).toEqual(["phoneNumber", "phone", "email"]);
      expect(await intakeTableCounts(handle.db)).toEqual(before);
    });

    it("200 concurrent identical deliveries give one lead, and every answer names it", async () => {
      const body = {
        ...fixture("grupo-olx-lead-contact-form.json"),
        originLeadId: "dup-200",
        phoneNumber: "11955554444",
        ddd: "",
        phone: "",
        email: "",
      };
      const before = await intakeTableCounts(handle.db);
      const results = await Promise.all(
        Array.from({ length: 200 }, () => post("grupo-olx", body, authHeaders("grupo-olx"))),
      );
      const ids = new Set(results.map((r) => r.json.leadId));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status === 200 && r.json.status === "duplicado")).toHaveLength(199);
      const after = await intakeTableCounts(handle.db);
      expect(after).toEqual({
        leads: before.leads + 1,
        eventos: before.eventos + 1,
        interacoes: before.interacoes + 1,
        entregas: before.entregas + 1,
      });
    });

    it("the same person from another portal links to the first lead and keeps the broker", async () => {
      const first = await post(
        "grupo-olx",
        {
          ...fixture("grupo-olx-lead-whatsapp-click.json"),
          originLeadId: "ret-1",
          phoneNumber: "21961112222",
          email: "retorno@example.com",
        },
        authHeaders("grupo-olx"),
      );
      const second = await post(
        "chaves-na-mao",
        { ...fixture("chaves-na-mao-lead.json"), id: 99001, phone: "(21) 96111-2222", email: "outro@example.com" },
        authHeaders("chaves-na-mao"),
      );
      expect(second.status).toBe(200);
      expect(second.json.status).toBe("vinculado");
      expect(second.json.leadId).toBe(first.json.leadId);
      const evts = await handle.db.select().from(eventos).where(eq(eventos.leadId, first.json.leadId));
      expect(evts.map((e) => e.tipo).sort()).toEqual(["lead_retorno", "novo_lead"]);
      expect(new Set(evts.map((e) => e.corretorId)).size).toBe(1);
      const ints = await handle.db.select().from(interacoes).where(eq(interacoes.leadId, first.json.leadId));
      expect(ints.map((i) => i.tipo)).toEqual(["mensagem_portal", "nova_consulta"]);
      const [lead] = await handle.db.select().from(leads).where(eq(leads.id, first.json.leadId));
      expect((lead?.metadata as Json).consultas).toBe(2);
    });

    it("an invalid phone does not lose the lead: stored as sent and flagged", async () => {
      const res = await post(
        "grupo-olx",
        {
          ...fixture("grupo-olx-lead-contact-form.json"),
          originLeadId: "bad-phone",
          phoneNumber: "(11) 1234-5678-99",
          ddd: "",
          phone: "",
          email: "",
        },
        authHeaders("grupo-olx"),
      );
      expect(res.status).toBe(201);
      const [lead] = await handle.db.select().from(leads).where(eq(leads.id, res.json.leadId));
      expect((lead?.metadata as Json).telefoneValido).toBe(false);
      expect(lead?.telefone).toContain("1234");
    });

    it("odd JSON types and sizes keep a reachable lead (201), each adjustment flagged without personal data", async () => {
      const name = `Ana ${"Beatriz ".repeat(40)}Souza`;
      const res = await post(
        "grupo-olx",
        {
          ...fixture("grupo-olx-lead-contact-form.json"),
          originLeadId: "tipos-1",
          phoneNumber: 11987004004,
          ddd: 11,
          phone: "",
          email: 0,
          temperature: 3,
          extraData: "VISIT_REQUEST",
          name,
        },
        authHeaders("grupo-olx"),
      );
      expect(res.status).toBe(201);
      const [lead] = await handle.db.select().from(leads).where(eq(leads.id, res.json.leadId));
      expect(lead).toMatchObject({ telefone: "+5511987004004", email: null, nome: name.slice(0, 200).trimEnd() });
      const ajustes = (lead?.metadata as Json).entrada.ajustes as Json[];
      expect(ajustes.map((a) => `${a.campo}:${a.acao}`).sort()).toEqual([
        "ddd:convertido",
        "email:descartado",
        "extraData:convertido",
        "name:truncado",
        "phoneNumber:convertido",
        "temperature:descartado",
      ]);
      expect(JSON.stringify(ajustes)).not.toMatch(/Ana|Souza|11987004004/);
      const [evt] = await handle.db.select().from(eventos).where(eq(eventos.leadId, lead!.id));
      expect(evt?.tipo).toBe("visita_solicitada");
      const [interacao] = await handle.db.select().from(interacoes).where(eq(interacoes.leadId, lead!.id));
      expect((interacao?.metadata as Json).textoOriginal).toEqual({ nome: name });
    });

    it("every portal keeps a lead whose contact arrives as JSON numbers", async () => {
      const cases: [string, Json][] = [
        ["chaves-na-mao", { ...fixture("chaves-na-mao-lead.json"), id: 77001, phone: 31991230001, email: null }],
        [
          "imovelweb",
          {
            ...fixture("imovelweb-contacto.json"),
            id: "tipos-iw",
            contacto: { nombre: 7, telefono: 5521991230002, email: false },
          },
        ],
        ["generico", { id: ["x"], nome: null, telefone: 11991230003, imovel: { preco: "abc", uf: 35 } }],
      ];
      for (const [portal, body] of cases) {
        const res = await post(portal, body, authHeaders(portal as "generico"));
        expect(res.status, portal).toBe(201);
        const [lead] = await handle.db.select().from(leads).where(eq(leads.id, res.json.leadId));
        expect(lead?.telefone, portal).toMatch(/^\+55\d{11}$/);
        expect(((lead?.metadata as Json).entrada.ajustes as Json[]).length, portal).toBeGreaterThan(0);
      }
    });

    it("a foreign phone sent without its + is stored in E.164", async () => {
      const res = await post(
        "grupo-olx",
        {
          ...fixture("grupo-olx-lead-contact-form.json"),
          originLeadId: "pt-1",
          phoneNumber: "351912000222",
          ddd: "",
          phone: "",
          email: "",
        },
        authHeaders("grupo-olx"),
      );
      expect(res.status).toBe(201);
      const [lead] = await handle.db.select().from(leads).where(eq(leads.id, res.json.leadId));
      expect(lead?.telefone).toBe("+351912000222");
      expect((lead?.metadata as Json).telefoneValido).toBe(true);
      // LGPD: the legal basis is recorded with the portal and the receipt time.
      expect((lead?.metadata as Json).baseLegal).toEqual({
        tipo: "legitimo_interesse",
        portal: (lead?.metadata as Json).portal,
        em: lead?.dataPrimeiroContato?.toISOString(),
      });
    });

    it("a 1970 or future portal timestamp: kept in metadata; the lead is ordered and matched by receipt time", async () => {
      const base = {
        ...fixture("grupo-olx-lead-contact-form.json"),
        phoneNumber: "11987770001",
        ddd: "",
        phone: "",
        email: "",
      };
      const before = Date.now();
      const first = await post(
        "grupo-olx",
        { ...base, originLeadId: "epoch-1", timestamp: "1970-01-01T00:00:00Z" },
        authHeaders("grupo-olx"),
      );
      expect(first.status).toBe(201);
      const [lead] = await handle.db.select().from(leads).where(eq(leads.id, first.json.leadId));
      expect(lead!.dataPrimeiroContato!.getTime()).toBeGreaterThanOrEqual(before);
      const recent = await listLeads(handle.db, { imobiliariaId: agencyId, corretorId: null }, {}, { limit: 1 });
      expect(recent.leads.map((l) => l.id)).toEqual([first.json.leadId]);

      const again = await post(
        "grupo-olx",
        { ...base, originLeadId: "epoch-2", timestamp: "2099-12-31T23:59:59Z" },
        authHeaders("grupo-olx"),
      );
      expect(again.status).toBe(200);
      expect(again.json).toMatchObject({ status: "vinculado", leadId: first.json.leadId });
      const [linked] = await handle.db.select().from(leads).where(eq(leads.id, first.json.leadId));
      expect((linked?.metadata as Json).entrada.dataPortal).toBe("1970-01-01T00:00:00.000Z");
      expect((linked?.metadata as Json).ultimaConsulta.entrada.dataPortal).toBe("2099-12-31T23:59:59.000Z");
      const later = await post(
        "grupo-olx",
        { ...base, phoneNumber: "11987770002", originLeadId: "future-1", timestamp: "2099-12-31T23:59:59Z" },
        authHeaders("grupo-olx"),
      );
      const [futureLead] = await handle.db.select().from(leads).where(eq(leads.id, later.json.leadId));
      expect(futureLead!.dataPrimeiroContato!.getTime()).toBeLessThanOrEqual(Date.now());
      expect((futureLead?.metadata as Json).entrada.dataPortal).toBe("2099-12-31T23:59:59.000Z");
    });
  },
);
