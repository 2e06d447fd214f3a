// Property test (fast-check): thousands of generated deliveries per portal — wrong types, missing
// and unknown fields, huge and deeply nested values, NULs, lone surrogates, garbage bodies, odd
// content types and encodings, wrong credentials — through both doors of the intake (the route
// handler and the direct lane over a real localhost socket) into a real database. Portals are the
// test itself; nothing leaves the machine. What must hold for every one of them:
//   - never a 5xx (a portal retries those forever, and no client input is our failure);
//   - a 4xx leaves every intake table exactly as it was;
//   - a 2xx names a lead that is in the database.
// LASTRO_FUZZ_RUNS sets the deliveries per portal (default 10,000, as CI runs it).
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/portais/[...rota]/route";
import { useDbForTests } from "@/lib/db/client";
import { leads } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { PORTAL_WEBHOOK_PREFIX } from "@/app/api/webhooks/portais/portal-webhook-lane";
import { authHeaders, createWebhookAgency, fixture, intakeTableCounts, SECRETS } from "./testing/webhook-agency";
import { startLaneServer, type Json, type LaneServer } from "./testing/webhook-doors";

const RUNS = Number(process.env.LASTRO_FUZZ_RUNS ?? 10_000);
const SLUG = "fuzz";

type Portal = keyof typeof SECRETS;
const BASES: Record<Portal, { file?: string; idField: string; body?: Record<string, unknown> }> = {
  "grupo-olx": { file: "grupo-olx-lead-contact-form.json", idField: "originLeadId" },
  "chaves-na-mao": { file: "chaves-na-mao-lead.json", idField: "id" },
  imovelweb: { file: "imovelweb-contacto.json", idField: "id" },
  generico: {
    idField: "id",
    body: {
      id: "site-1",
      nome: "Paula Ramos",
      telefone: "(11) 91234-5678",
      email: "paula@example.com",
      mensagem: "Quero visitar",
      imovel: "AP0142-LST",
    },
  },
};

let handle: TestDb;
let lane: LaneServer;

beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
  await createWebhookAgency(handle, { slug: SLUG, brokers: 3 });
  lane = await startLaneServer();
});
afterAll(async () => {
  await lane?.close();
  useDbForTests(null);
  await handle.cleanup();
});

// ── What a delivery is made of ─────────────────────────────────────────────────────────────────

const LONE_SURROGATES = ["\ud83d", "\ude00", "Ana \ud83d", "\udfff fim", "x\ud800y"];
const oddString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "\u0000",
      "Ana\u0000Souza",
      "\u0000\u0000",
      "a\u0000@example.com",
      ...LONE_SURROGATES,
      "",
      " ",
      "null",
      "0",
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 201, max: 3_000 }).map((n) => "x".repeat(n)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "11987004004",
      "+55 11 98700-4004",
      "351912000222",
      "(21) 3333-4444",
      "teste@exemplo.com.br",
    ),
  },
);
const deep = fc
  .integer({ min: 50, max: 20_000 })
  .chain((depth) => fc.constantFrom("[", "{").map((open) => ({ open, depth })));
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: oddString },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(11987004004),
      fc.constant(11),
    ),
  },
  { weight: 1, arbitrary: fc.dictionary(oddString, oddString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.array(oddString, { maxLength: 3 }) },
);

type Mutation =
  | { kind: "replace"; field: string; value: unknown }
  | { kind: "delete"; field: string }
  | { kind: "add"; key: string; value: unknown }
  | { kind: "deep"; field: string; open: string; depth: number }
  | { kind: "huge"; field: string; size: number };

function mutationFor(fields: string[]): fc.Arbitrary<Mutation> {
  const field = fc.constantFrom(...fields);
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant("replace" as const), field, value: oddValue }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("delete" as const), field }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("add" as const), key: oddString, value: oddValue }) },
    { weight: 1, arbitrary: fc.tuple(field, deep).map(([f, d]) => ({ kind: "deep" as const, field: f, ...d })) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("huge" as const),
        field,
        size: fc.integer({ min: 10_000, max: 400_000 }),
      }),
    },
  );
}

type Transport = {
  body: "json" | "garbage" | "truncated" | "empty";
  contentType: string | null;
  encoding: "none" | "gzip" | "deflate" | "br" | "gzip-corrupt" | "compress";
  auth: "right" | "wrong" | "missing";
  door: "rota" | "via-direta";
};
const door = fc.constantFrom<Transport["door"]>("rota", "via-direta");
// Half the deliveries come as a portal sends them (so odd fields reach the parsers and the
// database), the rest with anything in the envelope.
const transport: fc.Arbitrary<Transport> = fc.oneof(
  fc.record({
    body: fc.constant<Transport["body"]>("json"),
    contentType: fc.constantFrom("application/json", "application/json; charset=utf-8"),
    encoding: fc.constantFrom<Transport["encoding"]>("none", "none", "gzip", "deflate", "br"),
    auth: fc.constant<Transport["auth"]>("right"),
    door,
  }),
  fc.record({
    body: fc.constantFrom<Transport["body"]>("json", "json", "json", "garbage", "truncated", "empty"),
    contentType: fc.constantFrom("application/json", "application/vnd.lead+json", "text/plain", null),
    encoding: fc.constantFrom<Transport["encoding"]>("none", "gzip", "deflate", "br", "gzip-corrupt", "compress"),
    auth: fc.constantFrom<Transport["auth"]>("right", "right", "wrong", "missing"),
    door,
  }),
);

// ── Building and sending one ───────────────────────────────────────────────────────────────────

function nested(open: string, depth: number): string {
  return open === "[" ? "[".repeat(depth) + "1" + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

let serial = 0;
function buildJson(portal: Portal, mutations: Mutation[]): string {
  const base = BASES[portal];
  const body: Record<string, unknown> = structuredClone(base.body ?? fixture(base.file!));
  // A fresh external id and person per delivery, so a 2xx is a new lead unless a mutation says otherwise.
  serial += 1;
  body[base.idField] = portal === "chaves-na-mao" ? 9_000_000 + serial : `fuzz-${serial}`;
  const raw: Record<string, string> = {};
  for (const m of mutations) {
    if (m.kind === "replace") body[m.field] = m.value;
    else if (m.kind === "delete") delete body[m.field];
    else if (m.kind === "add") body[m.key] = m.value;
    else if (m.kind === "deep") {
      body[m.field] = `__RAW_${Object.keys(raw).length}__`;
      raw[body[m.field] as string] = nested(m.open, m.depth);
    } else body[m.field] = "y".repeat(m.size);
  }
  let text = JSON.stringify(body);
  for (const [marker, value] of Object.entries(raw)) text = text.replace(`"${marker}"`, value);
  return text;
}

function encodeBody(text: string, t: Transport): { bytes: Buffer; headers: Record<string, string> } {
  const plain = Buffer.from(text, "utf8");
  switch (t.encoding) {
    case "none":
      return { bytes: plain, headers: {} };
    case "gzip":
      return { bytes: gzipSync(plain), headers: { "content-encoding": "gzip" } };
    case "deflate":
      return { bytes: deflateSync(plain), headers: { "content-encoding": "deflate" } };
    case "br":
      return { bytes: brotliCompressSync(plain), headers: { "content-encoding": "br" } };
    case "gzip-corrupt":
      return {
        bytes: gzipSync(plain).subarray(0, Math.max(4, plain.length >> 2)),
        headers: { "content-encoding": "gzip" },
      };
    case "compress":
      return { bytes: plain, headers: { "content-encoding": "compress" } };
  }
}

function authFor(portal: Portal, t: Transport): Record<string, string> {
  if (t.auth === "missing") return {};
  if (t.auth === "right") return authHeaders(portal);
  return portal === "imovelweb"
    ? { "x-imovelweb-token": "errado" }
    : { authorization: "Basic " + Buffer.from("vivareal:errado").toString("base64") };
}

async function send(portal: Portal, bytes: Buffer, headers: Record<string, string>, door: Transport["door"]) {
  if (door === "rota") {
    const request = new Request(`http://localhost/api/webhooks/portais/${portal}/${SLUG}`, {
      method: "POST",
      body: new Uint8Array(bytes),
      headers,
    });
    const res = await POST(request, { params: Promise.resolve({ rota: [portal, SLUG] }) });
    return { status: res.status, json: (await res.json()) as Json };
  }
  const res = await fetch(`${lane.url}${PORTAL_WEBHOOK_PREFIX}${portal}/${SLUG}`, {
    method: "POST",
    body: new Uint8Array(bytes),
    headers,
  });
  return { status: res.status, json: (await res.json()) as Json };
}

// ── The property ───────────────────────────────────────────────────────────────────────────────

describe(`portal deliveries, generated (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it.each(Object.keys(BASES) as Portal[])(
    "%s: never a 5xx, a 4xx changes nothing, a 2xx has its lead",
    async (portal) => {
      const base = BASES[portal];
      const tally = { "2xx": 0, "4xx": 0 };
      // What the tables held after the last accepted delivery: a refusal must leave them so.
      let counts = await intakeTableCounts(handle.db);
      const fields = Object.keys(base.body ?? fixture(base.file!));
      const delivery = fc.record({
        mutations: fc.array(mutationFor(fields), { maxLength: 4 }),
        transport,
        garbage: fc.string({ unit: "binary", maxLength: 60 }),
      });
      await fc.assert(
        fc.asyncProperty(delivery, async ({ mutations, transport: t, garbage }) => {
          const json = buildJson(portal, mutations);
          const text =
            t.body === "json"
              ? json
              : t.body === "garbage"
                ? garbage
                : t.body === "truncated"
                  ? json.slice(0, json.length >> 1)
                  : "";
          const { bytes, headers } = encodeBody(text, t);
          if (t.contentType) headers["content-type"] = t.contentType;
          const res = await send(portal, bytes, { ...headers, ...authFor(portal, t) }, t.door);
          expect(res.status, JSON.stringify(res.json)).toBeLessThan(500);
          if (res.status >= 400) {
            tally["4xx"] += 1;
            expect(res.json.error?.code).toEqual(expect.any(String));
            expect(await intakeTableCounts(handle.db)).toEqual(counts);
          } else {
            tally["2xx"] += 1;
            expect([200, 201]).toContain(res.status);
            const [lead] = await handle.db.select({ id: leads.id }).from(leads).where(eq(leads.id, res.json.leadId));
            expect(lead?.id).toBe(res.json.leadId);
            counts = await intakeTableCounts(handle.db);
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      // The generator must exercise both sides: mostly leads that can still be stored, and refusals.
      expect(tally["2xx"]).toBeGreaterThan(RUNS / 4);
      expect(tally["4xx"]).toBeGreaterThan(RUNS / 10);
    },
    30 * 60_000,
  );
});
