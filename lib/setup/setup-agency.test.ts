import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptLogin, type LoginAttemptDeps } from "@/lib/auth/login-attempt";
import { createLoginCounters } from "@/lib/auth/login-counters";
import { createPasswordChecker } from "@/lib/auth/password";
import { createKv } from "@/lib/kv";
import { getActiveIntegracao } from "@/lib/db/queries/integracoes";
import { imobiliarias, integracoes, usuarios } from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { verifyPortalCredential } from "@/lib/portals/authenticate";
import { setupAgency, SetupError, slugify, type SetupInput } from "./setup-agency";

const KEY = randomBytes(32);
const BASE = "https://lastro.exemplo.com.br/";
const INPUT: SetupInput = {
  imobiliaria: "Imobiliária São João",
  slug: "sao-joao",
  adminEmail: "Dono@SaoJoao.com.br",
  adminSenha: "senha-forte-123",
  portais: ["grupo-olx", "chaves-na-mao", "imovelweb", "generico"],
};

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.cleanup();
});

const rowCounts = async () =>
  Promise.all(
    [imobiliarias, usuarios, integracoes].map(async (table) => (await t.db.select({ n: count() }).from(table))[0]!.n),
  );
const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;

describe("setupAgency", () => {
  it("creates the agency, an admin who can log in, and portal credentials that authenticate deliveries", async () => {
    const result = await setupAgency(t.db, INPUT, { publicBaseUrl: BASE, encryptionKey: KEY });
    expect(result).toMatchObject({
      slug: "sao-joao",
      nome: "Imobiliária São João",
      admin: { email: "dono@saojoao.com.br" },
    });

    // The real login path (limits, account, password check), as the sign-in form runs it.
    const now = () => new Date();
    const login: LoginAttemptDeps = {
      db: t.db,
      counters: createLoginCounters({ kv: createKv({ driver: "memory" }), db: t.db, now }),
      password: createPasswordChecker(),
      now,
    };
    const ok = await attemptLogin(login, { email: "dono@saojoao.com.br", senha: "senha-forte-123" }, "203.0.113.7");
    expect(ok).toMatchObject({ ok: true, user: { papel: "admin", imobiliariaId: result.imobiliariaId } });
    expect(
      await attemptLogin(login, { email: "dono@saojoao.com.br", senha: "senha-errada-123" }, "203.0.113.7"),
    ).toMatchObject({ ok: false, reason: "invalida" });

    expect(result.portais.map((p) => p.url)).toEqual([
      "https://lastro.exemplo.com.br/api/webhooks/portais/grupo-olx/sao-joao",
      "https://lastro.exemplo.com.br/api/webhooks/portais/chaves-na-mao/sao-joao",
      "https://lastro.exemplo.com.br/api/webhooks/portais/imovelweb/sao-joao",
      "https://lastro.exemplo.com.br/api/webhooks/portais/generico/sao-joao",
    ]);
    const secrets = result.portais.map((p) => p.segredo);
    expect(new Set(secrets).size).toBe(4);
    for (const s of secrets) expect(s.length).toBeGreaterThanOrEqual(32);

    // Each printed secret is what the stored (encrypted) credential accepts, the way each portal sends it.
    const sent = {
      "grupo-olx": (s: string) => new Headers({ authorization: basic("vivareal", s) }),
      "chaves-na-mao": (s: string) => new Headers({ authorization: basic("dono@saojoao.com.br", s) }),
      imovelweb: (s: string) => new Headers({ "x-imovelweb-token": s }),
      generico: (s: string) => new Headers({ authorization: `Bearer ${s}` }),
    } as const;
    const stored = await t.db.select().from(integracoes);
    for (const p of result.portais) {
      expect(JSON.stringify(stored)).not.toContain(p.segredo);
      const credential = (await getActiveIntegracao(t.db, result.imobiliariaId, p.portal, KEY))!;
      expect(verifyPortalCredential(p.portal, sent[p.portal](p.segredo), credential)).toBe(true);
      expect(verifyPortalCredential(p.portal, sent[p.portal](`${p.segredo}x`), credential)).toBe(false);
    }
  });

  it("refuses a second run with the same slug (or admin e-mail) and writes nothing", async () => {
    const before = await rowCounts();
    await expect(
      setupAgency(t.db, { ...INPUT, adminEmail: "outro@saojoao.com.br" }, { publicBaseUrl: BASE, encryptionKey: KEY }),
    ).rejects.toThrow(new SetupError('já existe uma imobiliária com o slug "sao-joao"; escolha outro'));
    await expect(
      setupAgency(t.db, { ...INPUT, slug: "sao-joao-2" }, { publicBaseUrl: BASE, encryptionKey: KEY }),
    ).rejects.toThrow(/o e-mail dono@saojoao\.com\.br já tem um login/);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    [{ imobiliaria: "X" }, /nome da imobiliária: pelo menos 2 caracteres/],
    [{ slug: "São João" }, /slug: use só letras minúsculas, números e hífens/],
    [{ adminEmail: "nao-e-email" }, /e-mail do administrador inválido/],
    [{ adminSenha: "curta" }, /senha do administrador: pelo menos 10 caracteres/],
    [{ adminSenha: "é".repeat(40) }, /no máximo 72 bytes/],
    [{ portais: [] }, /informe ao menos um portal/],
    [{ portais: ["zap"] }, /portal desconhecido/],
    [{ uf: "São Paulo" }, /UF: 2 letras/],
  ] as const)("refuses bad input %j with a pt-BR message, writing nothing", async (change, message) => {
    const before = await rowCounts();
    const input = { ...INPUT, slug: "outra", adminEmail: "novo@outra.com.br", ...change } as SetupInput;
    await expect(setupAgency(t.db, input, { publicBaseUrl: BASE, encryptionKey: KEY })).rejects.toThrow(message);
    expect(await rowCounts()).toEqual(before);
  });

  it("suggests a slug from the name", () => {
    expect(slugify("Imobiliária São João & Filhos ")).toBe("imobiliaria-sao-joao-filhos");
  });
});
