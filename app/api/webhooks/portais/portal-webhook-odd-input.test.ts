// Integration, both doors (route handler and direct lane): bodies a flaky portal or an attacker
// sends that Postgres or a naive parser cannot take — NULs, lone surrogates, absurd nesting,
// compressed bodies. Each is a stored lead (2xx) or a 4xx that stores nothing; never a 5xx.
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDbForTests } from "@/lib/db/client";
import { entregasWebhook, interacoes, leads } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { authHeaders, createWebhookAgency, fixture, intakeTableCounts } from "./testing/webhook-agency";
import { WEBHOOK_DOORS, type DoorBody, type Json, type WebhookDoor } from "./testing/webhook-doors";

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
  `odd portal bodies (${process.env.DATABASE_URL ? "postgres" : "pglite"}), door: %s`,
  (doorSlug, openDoor) => {
    const SLUG = `entrada-estranha-${doorSlug}`;
    let door: WebhookDoor;
    beforeAll(async () => {
      await createWebhookAgency(handle, { slug: SLUG, brokers: 2 });
      door = await openDoor();
    });
    afterAll(async () => door?.close());

    let people = 0;
    /** A Grupo OLX body for a new person (a repeated phone would be a repeat inquiry). */
    const olx = (id: string, extra: Record<string, unknown> = {}) => ({
      ...fixture("grupo-olx-lead-contact-form.json"),
      originLeadId: id,
      email: "",
      ddd: "",
      phone: "",
      phoneNumber: `1197${String(1_000_000 + ++people).slice(-7)}`,
      ...extra,
    });
    const post = (body: DoorBody, headers: Record<string, string> = {}) =>
      door.post("grupo-olx", SLUG, body, { ...authHeaders("grupo-olx"), ...headers });

    async function storedLead(leadId: string) {
      const [lead] = await handle.db.select().from(leads).where(eq(leads.id, leadId));
      const [delivery] = await handle.db.select().from(entregasWebhook).where(eq(entregasWebhook.leadId, leadId));
      const [interaction] = await handle.db.select().from(interacoes).where(eq(interacoes.leadId, leadId));
      return { lead: lead!, delivery: delivery!, interaction: interaction! };
    }

    it("a NUL anywhere (value, unknown field, object key) is dropped: the lead is stored and flagged", async () => {
      // JSON.stringify writes U+0000 as the escape \u0000, as a portal's serializer would.
      const body = JSON.stringify(
        olx("nul-1", {
          name: "Ana\u0000 Lima",
          message: "Quero\u0000 visitar",
          campoNovo: { "ch\u0000ave": "va\u0000lor" },
        }),
      );
      expect(body).toContain("\\u0000");
      const res = await post(body);
      expect(res.status).toBe(201);
      const { lead, delivery, interaction } = await storedLead(res.json.leadId);
      expect(lead.nome).toBe("Ana Lima");
      expect(interaction.conteudo).toBe("Quero visitar");
      expect((delivery.corpo as Json).campoNovo).toEqual({ chave: "valor" });
      expect((lead.metadata as Json).entrada).toMatchObject({ sanitizado: true });
      expect((interaction.metadata as Json).entrada).toMatchObject({ sanitizado: true });
    });

    it("a lone surrogate (an emoji cut in half) becomes U+FFFD; the lead is stored", async () => {
      const body = JSON.stringify(
        olx("surrogate-1", {
          name: "Ana \ud83d",
          message: "Oi \udc00 tudo bem",
          extraData: { leadType: "CONTACT_FORM", "\ud83dx": 1 },
        }),
      );
      expect(body).toContain("\\ud83d");
      const res = await post(body);
      expect(res.status).toBe(201);
      const { lead, delivery, interaction } = await storedLead(res.json.leadId);
      expect(lead.nome).toBe("Ana \uFFFD");
      expect(interaction.conteudo).toBe("Oi \uFFFD tudo bem");
      expect(Object.keys((delivery.corpo as Json).extraData)).toContain("\uFFFDx");
      expect((lead.metadata as Json).entrada).toMatchObject({ sanitizado: true });
    });

    it("a whole emoji (a valid surrogate pair) is kept as sent and nothing is flagged", async () => {
      const res = await post(JSON.stringify(olx("emoji-1", { name: "Ana 😀" })).replace("😀", "\\ud83d\\ude00"));
      expect(res.status).toBe(201);
      const { lead } = await storedLead(res.json.leadId);
      expect(lead.nome).toBe("Ana 😀");
      expect((lead.metadata as Json).entrada).toEqual({ dataPortal: expect.any(String) }); // the portal's time only: nothing cleaned or adjusted
    });

    it("JSON nested 10,000 deep is a 422 naming the problem, stored nowhere", async () => {
      const before = await intakeTableCounts(handle.db);
      const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
      for (const body of [
        deep,
        `{"originLeadId":"deep-1","extra":${deep}}`,
        `{"a":${'{"a":'.repeat(10_000)}1${"}".repeat(10_001)}`,
      ]) {
        const res = await post(body);
        expect(res.status).toBe(422);
        expect(res.json.error.message).toMatch(/aninhado demais \(máx\. \d+ níveis\)/);
      }
      // Brackets inside strings are text, not nesting.
      const res = await post(JSON.stringify(olx("deep-text", { message: "[{".repeat(100) })));
      expect(res.status).toBe(201);
      expect(await intakeTableCounts(handle.db)).toEqual({
        ...before,
        leads: before.leads + 1,
        eventos: before.eventos + 1,
        interacoes: before.interacoes + 1,
        entregas: before.entregas + 1,
      });
    });

    it("gzip, deflate (zlib and bare) and br bodies are decoded and stored", async () => {
      const encodings: [string, (b: Buffer) => Buffer][] = [
        ["gzip", gzipSync],
        ["deflate", deflateSync],
        ["deflate", deflateRawSync],
        ["br", brotliCompressSync],
        ["GZIP", gzipSync],
      ];
      for (const [i, [encoding, compress]] of encodings.entries()) {
        const res = await post(compress(Buffer.from(JSON.stringify(olx(`enc-${i}`)))), {
          "content-encoding": encoding,
        });
        expect(res.status, `${i}: ${encoding}`).toBe(201);
        expect((await storedLead(res.json.leadId)).lead.origem).toBe("vivareal");
      }
    });

    it("the 256 KB limit applies to the decoded body: a zip bomb is a 413; other encodings 415; corrupt bytes 400", async () => {
      const before = await intakeTableCounts(handle.db);
      const bomb = gzipSync(Buffer.from(JSON.stringify(olx("bomb-1", { message: "a".repeat(10 * 1024 * 1024) }))));
      expect(bomb.byteLength).toBeLessThan(256 * 1024);
      const tooLarge = await post(bomb, { "content-encoding": "gzip" });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.json.error.code).toBe("payload_too_large");

      for (const encoding of ["compress", "zstd", "gzip, br"]) {
        const res = await post(gzipSync(Buffer.from(JSON.stringify(olx("enc-x")))), { "content-encoding": encoding });
        expect(res.status, encoding).toBe(415);
        expect(res.json.error.message, encoding).toContain("gzip, deflate, br");
      }
      for (const [encoding, bytes] of [
        ["gzip", Buffer.from(JSON.stringify(olx("corrupt-1")))],
        ["br", Buffer.from("not brotli at all")],
        ["gzip", gzipSync("{}").subarray(0, 12)],
      ] as const) {
        const res = await post(bytes, { "content-encoding": encoding });
        expect(res.status, encoding).toBe(400);
        expect(res.json.error.message, encoding).toContain(encoding);
      }
      expect(await intakeTableCounts(handle.db)).toEqual(before);
    });
  },
);
