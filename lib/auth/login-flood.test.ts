// A login flood and portal deliveries at the same time, in one process as in `npm start`: the
// deliveries (over a real localhost socket into the direct lane) are answered 2xx and stored, and
// the flood runs no password check for unknown e-mails and no more than the limits allow for a
// known one. Before, each of the 300 attempts ran a bcryptjs check on the main thread.
import { randomBytes } from "node:crypto";
import bcryptjs from "bcryptjs";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authHeaders, createWebhookAgency, fixture } from "@/app/api/webhooks/portais/testing/webhook-agency";
import { startLaneServer, type LaneServer } from "@/app/api/webhooks/portais/testing/webhook-doors";
import { useDbForTests } from "@/lib/db/client";
import { insertUsuario } from "@/lib/db/queries/usuarios";
import { leads } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { PORTAL_WEBHOOK_PREFIX } from "@/app/api/webhooks/portais/portal-webhook-lane";
import { getKv } from "@/lib/kv";
import { attemptLogin } from "./login-attempt";
import { createLoginCounters } from "./login-counters";
import { LOGIN_LIMITS } from "./login-throttle";
import { createPasswordChecker, type PasswordChecker } from "./password";

const SLUG = "enxurrada";
let handle: TestDb;
let server: LaneServer;
const run = randomBytes(3).toString("hex");

beforeAll(async () => {
  handle = await createTestDb();
  useDbForTests(handle);
  const { agency } = await createWebhookAgency(handle, { slug: SLUG, brokers: 2 });
  await insertUsuario(handle.db, {
    id: "usr_alvo",
    email: "alvo@enxurrada.demo",
    nome: "Alvo",
    senhaHash: bcryptjs.hashSync("Certa#2026", 10),
    papel: "gestor",
    imobiliariaId: agency.id,
  });
  server = await startLaneServer();
});
afterAll(async () => {
  await server?.close();
  useDbForTests(null);
  await handle?.cleanup();
});

async function leadCount(): Promise<number> {
  const [row] = await handle.db.select({ n: count() }).from(leads);
  return row!.n;
}

function deliver(i: number): Promise<Response> {
  const body = JSON.stringify({
    ...fixture("grupo-olx-lead-contact-form.json"),
    originLeadId: `enxurrada-${run}-${i}`,
    phoneNumber: `1197${String(1_000_000 + i).slice(-7)}`,
    email: "",
  });
  return fetch(`${server.url}${PORTAL_WEBHOOK_PREFIX}grupo-olx/${SLUG}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...authHeaders("grupo-olx") },
  });
}

describe("a login flood beside portal deliveries", () => {
  it("deliveries are answered 2xx and stored; unknown e-mails cost no check, a known one at most the limit per source", async () => {
    const real = createPasswordChecker();
    let checks = 0;
    const password: PasswordChecker = {
      compare: (senha, hash) => (checks++, real.compare(senha, hash)),
      waitLikeCompare: () => real.waitLikeCompare(),
    };
    const now = () => new Date();
    const deps = { db: handle.db, counters: createLoginCounters({ kv: getKv(), db: handle.db, now }), password, now };
    const before = await leadCount();

    const unknown = Array.from({ length: 300 }, (_, i) =>
      attemptLogin(deps, { email: `robo${i}@enxurrada.demo`, senha: `chute-${i}` }, `203.0.${run}.${i % 250}`).then(
        (o) => {
          if (o.ok) throw new Error("um e-mail desconhecido entrou");
        },
      ),
    );
    const sources = 3;
    const guesses = Array.from({ length: 300 }, (_, i) =>
      attemptLogin(deps, { email: "alvo@enxurrada.demo", senha: `chute-${i}` }, `198.18.${run}.${i % sources}`),
    );
    const deliveries = Array.from({ length: 5 }, (_, i) => deliver(i));

    const answers = await Promise.all(deliveries);
    await Promise.all([...unknown, ...guesses]);

    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(await leadCount()).toBe(before + 5);
    // 600 attempts, and no more checks than the known account's limit from its 3 sources: the 300
    // unknown e-mails ran none.
    expect(checks).toBeLessThanOrEqual(sources * LOGIN_LIMITS.porContaEIp);
    expect((await Promise.all(guesses)).some((o) => o.ok)).toBe(false);
  });
});
