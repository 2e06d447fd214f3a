// Every dashboard page, route handler and server action × every role, with a second agency: who gets
// the page, who gets "sem permissão" (403), who gets the same 404 as for a row that does not exist,
// and that a refused action changes nothing. Real database; only Auth.js's cookie reading (`auth()`)
// and Next's request-bound helpers (cache revalidation, connection()) are replaced.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useDbForTests } from "@/lib/db/client";
import { insertImobiliaria } from "@/lib/db/queries/imobiliarias";
import { insertUsuario } from "@/lib/db/queries/usuarios";
import { insertMensagemOnce } from "@/lib/db/queries/mensagens";
import { upsertIntegracao } from "@/lib/db/queries/integracoes";
import {
  auditoria,
  corretores,
  imobiliarias,
  integracoes,
  interacoes,
  leads,
  mensagens,
  usuarios,
} from "@/lib/db/schema";
import { createTestDb, type TestDb } from "@/lib/db/test-db";
import { insertCorretor } from "@/lib/db/testing/corretores";
import { insertLead } from "@/lib/db/testing/leads";

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => undefined }));

type Login = "anonimo" | "adminA" | "gestorA" | "corretorA1" | "corretorA2" | "adminB";
type Outcome = "pagina" | "login" | "403" | "404";

let t: TestDb;
const SENHA_HASH = bcrypt.hashSync("segredo", 4);
const ids = {} as {
  agencyA: string;
  agencyB: string;
  corretorA1: string;
  corretorA2: string;
  corretorB: string;
  leadA1: string;
  leadB: string;
  mensagemA1: string;
  integracaoA: string;
};
const logins = {} as Record<
  Exclude<Login, "anonimo">,
  { userId: string; papel: string; corretorId: string | null; imobiliariaId: string }
>;

beforeAll(async () => {
  t = await createTestDb();
  useDbForTests(t);
  ids.agencyA = (await insertImobiliaria(t.db, { slug: "acesso-a", nome: "Agência A" })).id;
  ids.agencyB = (await insertImobiliaria(t.db, { slug: "acesso-b", nome: "Agência B" })).id;
  const broker = async (imobiliariaId: string, nome: string, telefone: string) =>
    (await insertCorretor(t.db, { imobiliariaId, nome, telefone })).id;
  ids.corretorA1 = await broker(ids.agencyA, "Carla", "+5511900020001");
  ids.corretorA2 = await broker(ids.agencyA, "Diego", "+5511900020002");
  ids.corretorB = await broker(ids.agencyB, "Bia", "+5511900020003");
  const lead = async (imobiliariaId: string, corretorId: string, nome: string, telefone: string) =>
    (
      await insertLead(t.db, {
        imobiliariaId,
        corretorId,
        nome,
        telefone,
        origem: "grupo-olx",
        score: 70,
        status: "novo",
      })
    ).id;
  ids.leadA1 = await lead(ids.agencyA, ids.corretorA1, "Lia Lead", "+5511988880001");
  ids.leadB = await lead(ids.agencyB, ids.corretorB, "Beto Lead", "+5511988880002");
  const falhou = await insertMensagemOnce(t.db, {
    imobiliariaId: ids.agencyA,
    corretorId: ids.corretorA1,
    leadId: ids.leadA1,
    tipo: "alerta",
    destino: "+5511900020001",
    corpo: "Novo lead: Lia",
    status: "falhou",
    idempotencyKey: "acesso:falhou",
  });
  ids.mensagemA1 = falhou.mensagem.id;
  ids.integracaoA = await upsertIntegracao(t.db, {
    imobiliariaId: ids.agencyA,
    portal: "grupo-olx",
    segredo: "segredo-da-agencia-a",
  });

  const user = async (key: keyof typeof logins, papel: string, imobiliariaId: string, corretorId: string | null) => {
    const userId = `usr_${key}`;
    await insertUsuario(t.db, {
      id: userId,
      email: `${key.toLowerCase()}@acesso.test`,
      nome: key,
      senhaHash: SENHA_HASH,
      papel: papel as "admin",
      imobiliariaId,
      corretorId,
    });
    logins[key] = { userId, papel, corretorId, imobiliariaId };
  };
  await user("adminA", "admin", ids.agencyA, null);
  await user("gestorA", "gestor", ids.agencyA, null);
  await user("corretorA1", "corretor", ids.agencyA, ids.corretorA1);
  await user("corretorA2", "corretor", ids.agencyA, ids.corretorA2);
  await user("adminB", "admin", ids.agencyB, null);
});
afterAll(async () => {
  useDbForTests(null);
  await t?.cleanup();
});
beforeEach(() => {
  session.current = null;
});

function logInAs(login: Login): void {
  if (login === "anonimo") {
    session.current = null;
    return;
  }
  const l = logins[login];
  session.current = {
    user: {
      name: login,
      userId: l.userId,
      papel: l.papel,
      imobiliariaId: l.imobiliariaId,
      corretorId: l.corretorId,
      sessaoVersao: 1,
    },
    expires: new Date(Date.now() + 3600_000).toISOString(),
  };
}

// Next's redirect()/notFound()/forbidden() throw errors whose digest names the answer.
async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return "pagina";
  } catch (err) {
    const digest = String((err as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT;") && digest.includes(";/login;")) return "login";
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return "403";
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "404";
    throw err;
  }
}

// Each page declares its own props; the test hands every one the same shape.
type PageModule = { default: (props: never) => unknown };
type AnyPage = (props: { params: Promise<Record<string, string>>; searchParams: Promise<object> }) => unknown;
type PageCase = {
  route: string;
  load: () => Promise<PageModule>;
  params?: () => Record<string, string>;
  expected: Record<Login, Outcome>;
};

const everyone: Record<Login, Outcome> = {
  anonimo: "login",
  adminA: "pagina",
  gestorA: "pagina",
  corretorA1: "pagina",
  corretorA2: "pagina",
  adminB: "pagina",
};
const managers: Record<Login, Outcome> = { ...everyone, corretorA1: "403", corretorA2: "403" };
const admins: Record<Login, Outcome> = { ...managers, gestorA: "403" };

const PAGES: PageCase[] = [
  { route: "/visao-geral", load: () => import("./(painel)/visao-geral/page"), expected: everyone },
  { route: "/leads", load: () => import("./(painel)/leads/(lista)/page"), expected: everyone },
  { route: "/mensagens", load: () => import("./(painel)/mensagens/page"), expected: everyone },
  { route: "/corretores", load: () => import("./(painel)/corretores/page"), expected: managers },
  { route: "/funil", load: () => import("./(painel)/funil/page"), expected: everyone },
  { route: "/eventos", load: () => import("./(painel)/eventos/page"), expected: everyone },
  { route: "/configuracoes", load: () => import("./(painel)/configuracoes/page"), expected: admins },
  { route: "/operacao", load: () => import("./(painel)/operacao/page"), expected: admins },
  // A broker gets their own figures (no ranking), not a 403: scope, not role, narrows this page.
  { route: "/metricas", load: () => import("./(painel)/metricas/page"), expected: everyone },
  {
    route: "/configuracoes/integracoes",
    load: () => import("./(painel)/configuracoes/integracoes/page"),
    expected: admins,
  },
  {
    route: "/configuracoes/usuarios",
    load: () => import("./(painel)/configuracoes/usuarios/page"),
    expected: admins,
  },
  { route: "/conta", load: () => import("./(painel)/conta/page"), expected: everyone },
  { route: "/privacidade", load: () => import("./(painel)/privacidade/page"), expected: admins },
  {
    route: "/configuracoes/auditoria",
    load: () => import("./(painel)/configuracoes/auditoria/page"),
    expected: admins,
  },
  {
    route: "/leads/[id]",
    load: () => import("./(painel)/leads/[id]/page"),
    params: () => ({ id: ids.leadA1 }),
    // The lead is corretorA1's, in agency A: another broker and another agency get the missing lead's 404.
    expected: { ...everyone, corretorA2: "404", adminB: "404" },
  },
  {
    route: "/corretores/[id]",
    load: () => import("./(painel)/corretores/[id]/page"),
    params: () => ({ id: ids.corretorA1 }),
    // A broker opens only their own settings; another broker and another agency get the missing broker's 404.
    expected: { ...everyone, corretorA2: "404", adminB: "404" },
  },
];

// Every page.tsx under app/(painel) must be in PAGES: a new page cannot skip this test.
function painelRoutes(dir = join(__dirname, "(painel)")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return painelRoutes(path);
    if (name !== "page.tsx") return [];
    // A route group, "(lista)", is a folder but not part of the URL.
    const segments = relative(join(__dirname, "(painel)"), dir).split(/[\\/]/);
    return [`/${segments.filter((s) => !/^\(.*\)$/.test(s)).join("/")}`];
  });
}

describe("dashboard pages × roles", () => {
  it("covers every page of the dashboard", () => {
    expect(painelRoutes().sort()).toEqual(PAGES.map((p) => p.route).sort());
  });

  for (const page of PAGES) {
    for (const login of Object.keys(page.expected) as Login[]) {
      it(`${page.route} as ${login}: ${page.expected[login]}`, async () => {
        const Page = (await page.load()).default as unknown as AnyPage;
        logInAs(login);
        const outcome = await outcomeOf(async () =>
          Page({ params: Promise.resolve(page.params?.() ?? {}), searchParams: Promise.resolve({}) }),
        );
        expect(outcome).toBe(page.expected[login]);
      });
    }
  }

  it("a lead that does not exist is the same 404 for everyone logged in", async () => {
    const Page = (await import("./(painel)/leads/[id]/page")).default as unknown as AnyPage;
    for (const login of ["adminA", "gestorA", "corretorA1"] as const) {
      logInAs(login);
      expect(
        await outcomeOf(async () =>
          Page({ params: Promise.resolve({ id: "lead_nao_existe" }), searchParams: Promise.resolve({}) }),
        ),
      ).toBe("404");
    }
  });
});

// Every exported server action, called as a login outside the row's scope would post it: a forged form
// for corretorA1's lead or message, from another broker and from another agency.
// `refused`: who is turned away and how (default: another broker and another agency, 404).
type ActionCase = {
  file: string;
  name: string;
  form: () => Record<string, string>;
  refused?: Partial<Record<Login, Outcome>>;
};
const moveForm = () => ({ leadId: ids.leadA1, para: "em_contato", de: "novo" });
// A valid settings form that changes agency A (hot threshold, a fixed broker, a weight).
const configForm = (): Record<string, string> => ({
  nome: "Agência A",
  timezone: "America/Sao_Paulo",
  scoreQuente: "60",
  scoreMorno: "30",
  roteamento: "fixo",
  corretorFixoId: ids.corretorA1,
  [`peso:${ids.corretorA1}`]: "5",
  limiteDiarioPadrao: "5",
  janelaMinutos: "30",
  tamanhoMaximo: "5",
  slaMinutos: "15",
  followUpDias: "1, 3, 7",
});
const ACTIONS: ActionCase[] = [
  { file: "(painel)/leads/[id]/actions", name: "mudarStatusAction", form: moveForm },
  {
    file: "(painel)/leads/[id]/actions",
    name: "adicionarNotaAction",
    form: () => ({ leadId: ids.leadA1, texto: "nota" }),
  },
  {
    file: "(painel)/leads/[id]/actions",
    name: "reatribuirAction",
    form: () => ({ leadId: ids.leadA1, paraCorretorId: ids.corretorA2 }),
  },
  // Another broker's lead, another agency's lead: the same 404, and nobody is marked.
  { file: "(painel)/leads/[id]/actions", name: "naoQuerContatoAction", form: () => ({ leadId: ids.leadA1 }) },
  { file: "(painel)/funil/actions", name: "moverNoFunilAction", form: moveForm },
  {
    file: "(painel)/mensagens/actions",
    name: "acaoMensagemAction",
    form: () => ({ mensagemId: ids.mensagemA1, acao: "tentar_de_novo" }),
  },
  {
    file: "(painel)/corretores/[id]/actions",
    name: "salvarPreferenciasAction",
    // A valid form, so a refusal can only come from the scope.
    form: () => ({
      corretorId: ids.corretorA1,
      inicio: "07:00",
      fim: "19:00",
      dias: "1",
      janelaMinutos: "10",
      tamanhoMaximo: "3",
      silencio: "respeitar",
      pausa: "1s",
    }),
  },
  {
    file: "(painel)/configuracoes/integracoes/actions",
    name: "trocarSegredoAction",
    form: () => ({ integracaoId: ids.integracaoA }),
    // Admins only: a manager or broker gets "sem permissão"; another agency's admin, the missing row's 404.
    refused: { gestorA: "403", corretorA1: "403", corretorA2: "403", adminB: "404" },
  },
  {
    file: "(painel)/configuracoes/integracoes/actions",
    name: "enviarLeadDeTesteAction",
    form: () => ({ integracaoId: ids.integracaoA }),
    // Admins only; another agency's admin posting agency A's credential id gets the missing row's 404.
    refused: { gestorA: "403", corretorA1: "403", corretorA2: "403", adminB: "404" },
  },
  {
    file: "(painel)/configuracoes/actions",
    name: "salvarConfiguracoesAction",
    form: configForm,
    // Admins only. The form names no agency: an admin always saves their own (another agency's case below).
    refused: { gestorA: "403", corretorA1: "403", corretorA2: "403" },
  },
  {
    file: "(painel)/configuracoes/usuarios/actions",
    name: "criarLoginAction",
    form: () => ({ nome: "Novo Gestor", email: "novo.gestor@acesso.test", papel: "gestor" }),
    // Admins only. Another agency's admin creating a login creates it in their own agency: not a refusal.
    refused: { gestorA: "403", corretorA1: "403", corretorA2: "403" },
  },
  {
    file: "(painel)/configuracoes/usuarios/actions",
    name: "redefinirSenhaAction",
    form: () => ({ usuarioId: logins.corretorA1.userId }),
    refused: { gestorA: "403", corretorA1: "403", corretorA2: "403", adminB: "404" },
  },
  {
    file: "(painel)/configuracoes/usuarios/actions",
    name: "alterarAtivoAction",
    form: () => ({ usuarioId: logins.corretorA1.userId, ativo: "nao" }),
    refused: { gestorA: "403", corretorA1: "403", corretorA2: "403", adminB: "404" },
  },
  {
    file: "(painel)/configuracoes/usuarios/actions",
    name: "mudarPapelAction",
    form: () => ({ usuarioId: logins.gestorA.userId, papel: "admin" }),
    refused: { gestorA: "403", corretorA1: "403", corretorA2: "403", adminB: "404" },
  },
  // Admins only. Another agency's admin searches their own agency: it finds nothing of agency A's.
  {
    file: "(painel)/privacidade/actions",
    name: "exportarTitularAction",
    form: () => ({ q: "(11) 91234-5678" }),
    refused: { gestorA: "403", corretorA1: "403", corretorA2: "403" },
  },
  {
    file: "(painel)/privacidade/actions",
    name: "criarChaveApiAction",
    form: () => ({ nome: "CRM" }),
    refused: { gestorA: "403", corretorA1: "403", corretorA2: "403" },
  },
  {
    file: "(painel)/privacidade/actions",
    name: "revogarChaveApiAction",
    form: () => ({ chaveId: "key_de_outra_imobiliaria" }),
    refused: { gestorA: "403", corretorA1: "403", corretorA2: "403", adminB: "404" },
  },
  {
    file: "(painel)/privacidade/actions",
    name: "apagarTitularAction",
    form: () => ({ q: "(11) 91234-5678", confirmo: "on" }),
    refused: { gestorA: "403", corretorA1: "403", corretorA2: "403" },
  },
  {
    file: "(painel)/conta/actions",
    name: "trocarSenhaAction",
    // Every login changes only its own password (no id in the form): only nobody logged in is refused.
    form: () => ({ atual: "segredo", nova: "uma-senha-nova-1", confirmacao: "uma-senha-nova-1" }),
    refused: {},
  },
  {
    file: "(painel)/conta/actions",
    name: "salvarWhatsappAction",
    // Managers set only their own number (no id in the form); a broker's number is their broker row.
    form: () => ({ whatsapp: "(11) 98888-6666" }),
    refused: { corretorA1: "403", corretorA2: "403" },
  },
  {
    file: "(painel)/corretores/actions",
    name: "adicionarCorretorAction",
    form: () => ({ nome: "Novo Corretor", telefone: "(11) 98888-7777" }),
    // Managers only. Another agency's manager adds to their own agency: not a refusal.
    refused: { corretorA1: "403", corretorA2: "403" },
  },
];
const ACTION_FILES: Record<string, () => Promise<Record<string, unknown>>> = {
  "(painel)/configuracoes/usuarios/actions": () => import("./(painel)/configuracoes/usuarios/actions"),
  "(painel)/conta/actions": () => import("./(painel)/conta/actions"),
  "(painel)/corretores/actions": () => import("./(painel)/corretores/actions"),
  "(painel)/leads/[id]/actions": () => import("./(painel)/leads/[id]/actions"),
  "(painel)/funil/actions": () => import("./(painel)/funil/actions"),
  "(painel)/mensagens/actions": () => import("./(painel)/mensagens/actions"),
  "(painel)/corretores/[id]/actions": () => import("./(painel)/corretores/[id]/actions"),
  "(painel)/configuracoes/integracoes/actions": () => import("./(painel)/configuracoes/integracoes/actions"),
  "(painel)/configuracoes/actions": () => import("./(painel)/configuracoes/actions"),
  "(painel)/privacidade/actions": () => import("./(painel)/privacidade/actions"),
};
type ServerAction = (prev: unknown, form: FormData) => Promise<unknown>;

function actionFiles(dir = __dirname): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : actionFiles(path);
    return name === "actions.ts" ? [relative(__dirname, path).replace(/\\/g, "/").replace(/\.ts$/, "")] : [];
  });
}

describe("server actions × roles", () => {
  const snapshot = async () => {
    const [lead] = await t.db.select().from(leads).where(eq(leads.id, ids.leadA1));
    const notas = await t.db.select().from(interacoes).where(eq(interacoes.leadId, ids.leadA1));
    const [mensagem] = await t.db.select().from(mensagens).where(eq(mensagens.id, ids.mensagemA1));
    const auditorias = await t.db.select().from(auditoria);
    const [corretor] = await t.db.select().from(corretores).where(eq(corretores.id, ids.corretorA1));
    const segredos = await t.db.select({ cifrado: integracoes.segredoCifrado }).from(integracoes);
    const agencias = await t.db
      .select({ nome: imobiliarias.nome, configuracoes: imobiliarias.configuracoes })
      .from(imobiliarias);
    const todosLeads = await t.db.select({ id: leads.id }).from(leads);
    const logins = await t.db
      .select({
        id: usuarios.id,
        ativo: usuarios.ativo,
        papel: usuarios.papel,
        hash: usuarios.senhaHash,
        versao: usuarios.sessaoVersao,
        whatsapp: usuarios.whatsapp,
      })
      .from(usuarios)
      .orderBy(usuarios.id);
    const equipe = await t.db.select({ id: corretores.id }).from(corretores);
    return {
      leads: todosLeads.length,
      agencias: agencias.map((a) => JSON.stringify(a)).sort(),
      preferencias: corretor?.preferencias,
      status: lead?.status,
      corretorId: lead?.corretorId,
      ultima: lead?.dataUltimaInteracao,
      interacoes: notas.length,
      mensagem: mensagem?.status,
      tentativas: mensagem?.tentativas,
      auditorias: auditorias.length,
      segredos: segredos.map((r) => r.cifrado).sort(),
      logins,
      corretores: equipe.length,
    };
  };
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };
  const actionOf = async (c: ActionCase) => (await ACTION_FILES[c.file]!())[c.name] as ServerAction;

  it("covers every exported server action", async () => {
    expect(actionFiles().sort()).toEqual(Object.keys(ACTION_FILES).sort());
    for (const [file, load] of Object.entries(ACTION_FILES)) {
      const exported = Object.keys(await load()).sort();
      expect(exported, file).toEqual(
        ACTIONS.filter((a) => a.file === file)
          .map((a) => a.name)
          .sort(),
      );
    }
  });

  for (const c of ACTIONS) {
    const refused = c.refused ?? { corretorA2: "404", adminB: "404" };
    const quem = Object.entries(refused)
      .map(([login, outcome]) => `${login} ${outcome}`)
      .join(", ");
    it(`${c.name}: ${quem}, nobody logged in goes to login, and nothing changes`, async () => {
      const action = await actionOf(c);
      const before = await snapshot();
      for (const [login, outcome] of Object.entries(refused) as [Login, Outcome][]) {
        logInAs(login);
        expect(await outcomeOf(() => action({ ok: false }, form(c.form()))), login).toBe(outcome);
      }
      logInAs("anonimo");
      expect(await outcomeOf(() => action({ ok: false }, form(c.form())))).toBe("login");
      expect(await snapshot()).toEqual(before);
    });
  }

  it("another agency's admin cannot reach agency A's brokers through the settings form", async () => {
    const { salvarConfiguracoesAction } = await import("./(painel)/configuracoes/actions");
    const before = await snapshot();
    logInAs("adminB");
    const answer = await salvarConfiguracoesAction({ ok: false }, form({ ...configForm(), nome: "Agência B" }));
    expect(answer).toMatchObject({
      ok: false,
      erros: {
        corretorFixoId: "Escolha um corretor ativo da imobiliária.",
        [`pesosRoleta.${ids.corretorA1}`]: "Corretor não encontrado. Recarregue a página.",
      },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("a login's WhatsApp goes on its own row only, whoever posts it", async () => {
    const { salvarWhatsappAction } = await import("./(painel)/conta/actions");
    const zap = async () =>
      Object.fromEntries(
        (await t.db.select({ id: usuarios.id, w: usuarios.whatsapp }).from(usuarios)).map((u) => [u.id, u.w]),
      );
    const before = await zap();
    logInAs("gestorA");
    expect(await salvarWhatsappAction({ ok: false }, form({ whatsapp: "(11) 98888-5555" }))).toMatchObject({
      ok: true,
    });
    expect(await zap()).toEqual({ ...before, [logins.gestorA.userId]: "+5511988885555" });
    await salvarWhatsappAction({ ok: false }, form({ whatsapp: "" }));
    expect(await zap()).toEqual(before);
  });

  it("the owning broker may not reassign; a manager may", async () => {
    const actions = await import("./(painel)/leads/[id]/actions");
    logInAs("corretorA1");
    const refused = await actions.reatribuirAction(
      { ok: false },
      form({ leadId: ids.leadA1, paraCorretorId: ids.corretorA2 }),
    );
    expect(refused).toMatchObject({ ok: false, mensagem: expect.stringContaining("gestores") });
    expect((await snapshot()).corretorId).toBe(ids.corretorA1);

    logInAs("gestorA");
    const done = await actions.reatribuirAction(
      { ok: false },
      form({ leadId: ids.leadA1, paraCorretorId: ids.corretorA2 }),
    );
    expect(done).toMatchObject({ ok: true });
    expect((await snapshot()).corretorId).toBe(ids.corretorA2);
  });
});

describe("route handlers × roles", () => {
  it("/api/leads/export: 401 without a login, 403 for a broker, only the agency's own leads for a manager", async () => {
    const { GET } = await import("./api/leads/export/route");
    const get = () => GET(new Request("http://localhost/api/leads/export"));
    logInAs("anonimo");
    expect((await get()).status).toBe(401);
    logInAs("corretorA1");
    const refused = await get();
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Sem permissão/);
    logInAs("adminB");
    const csv = await (await get()).text();
    expect(csv).toContain("Beto Lead");
    expect(csv).not.toContain("Lia Lead");
  });
});
