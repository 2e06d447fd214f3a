// Dashboard benchmark: server time of the pages brokers and managers live in, on 100,000 leads with
// real Postgres + Redis and the production build.
//   npm run bench -- dashboard [--reuse] [--db NOME] [--leads 100000] [--n 50] [--warmup 10] [--port 3201] [--url URL]
// Without --reuse: a fresh database, migrated and seeded by `npm run db:seed -- --leads N` (timed). Then one
// lead gets a long timeline (the seed's longest has ~16 items; a lead with ~10 is timed beside it), the
// `npm start` path builds when stale and serves, the bench logs in as the demo gestor and corretor (Auth.js
// credentials over HTTP) and requests each page in turn, one request at a time, warm-up first. "Server
// time" = from sending the request to the last byte of the HTML over loopback. It prints figures; it never
// fails on them (exit 0).
import { loadavg } from "node:os";
import path from "node:path";
import { DEMO_LOGINS } from "@/scripts/demo/demo-accounts";
import { databaseUrlFor, recreateDatabase } from "@/scripts/lib/fresh-database";
import { startServerOnDatabase, type BenchServer } from "./bench-server";
import { DASHBOARD_USAGE, parseDashboardArgs } from "./dashboard-args";
import {
  corretorIdOfLogin,
  countLeads,
  ensureLongTimeline,
  pickSearchTarget,
  pickTypicalLead,
  seedDatabase,
  withClient,
  type TimelineLead,
  type SearchTarget,
} from "./dashboard-data";
import { formatTable, type PageMeasure } from "./dashboard-report";
import { hostLoadBetween, hostLoadLine, hostSnapshot } from "./host-load";
import { login, type Session } from "./http-session";

const LIST_TARGET_MS = 150;
const LEAD_PAGE_TARGET_MS = 100;
// Issue #19: /metricas over 30 and 90 days (charts of every lead of the period) and the overview.
const METRICAS_TARGET_MS = 250;
const VISAO_GERAL_TARGET_MS = 150;

type Page = {
  label: string;
  path: string;
  targetMs: number;
  /** Proof the answer is the page asked for with data in it, not an empty list or another page. */
  expect?: string;
};

const leadPage = (l: TimelineLead): Page => ({
  label: `/leads/[id] (${l.items} itens)`,
  path: `/leads/${l.leadId}`,
  targetMs: LEAD_PAGE_TARGET_MS,
  expect: `data-lead-id="${l.leadId}"`,
});

function pagesFor(long: TimelineLead, typical: TimelineLead, busca: SearchTarget): Page[] {
  const filtro = "status=em_contato&scoreMin=50";
  const q = (text: string) => encodeURIComponent(text);
  return [
    { label: "/leads", path: "/leads", targetMs: LIST_TARGET_MS, expect: 'data-testid="leads-resultados"' },
    {
      label: "/leads telefone+filtros",
      path: `/leads?q=${q(busca.telefone)}&${filtro}`,
      targetMs: LIST_TARGET_MS,
      expect: busca.leadId,
    },
    {
      label: "/leads nome+filtros",
      path: `/leads?q=${q(busca.nome)}&${filtro}`,
      targetMs: LIST_TARGET_MS,
      expect: busca.leadId,
    },
    leadPage(long),
    leadPage(typical),
    { label: "/funil", path: "/funil", targetMs: LIST_TARGET_MS },
    { label: "/eventos", path: "/eventos", targetMs: LIST_TARGET_MS },
    { label: "/visao-geral", path: "/visao-geral", targetMs: VISAO_GERAL_TARGET_MS },
    {
      label: "/metricas 30 dias",
      path: "/metricas?periodo=30",
      targetMs: METRICAS_TARGET_MS,
      expect: 'data-testid="metricas"',
    },
    {
      label: "/metricas 90 dias",
      path: "/metricas?periodo=90",
      targetMs: METRICAS_TARGET_MS,
      expect: 'data-testid="metricas"',
    },
  ];
}

type Answer = { status: number; ms: number; bytes: number; body: string; location: string | null };

async function request(baseUrl: string, session: Session, pagePath: string): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${pagePath}`, { headers: { cookie: session.cookie }, redirect: "manual" });
  const body = await res.text();
  const ms = performance.now() - started;
  return { status: res.status, ms, bytes: Buffer.byteLength(body), body, location: res.headers.get("location") };
}

type Probe = { kind: "ok" } | { kind: "missing" } | { kind: "failed"; reason: string };

/** The first answer decides whether the page is measured: 404 = not merged yet; anything else odd = a failure. */
function judge(answer: Answer, page: Page): Probe {
  if (answer.status === 404) return { kind: "missing" };
  if (answer.status >= 300 && answer.status < 400)
    return { kind: "failed", reason: `redireciona para ${answer.location}` };
  if (answer.status !== 200) return { kind: "failed", reason: `HTTP ${answer.status}` };
  if (page.expect && !answer.body.includes(page.expect))
    return { kind: "failed", reason: `sem ${page.expect} no HTML` };
  return { kind: "ok" };
}

type Target = { page: Page; role: string; session: Session };

async function measure(baseUrl: string, targets: Target[], warmup: number, n: number): Promise<PageMeasure[]> {
  const probes = new Map<Target, Probe>();
  for (const t of targets) probes.set(t, judge(await request(baseUrl, t.session, t.page.path), t.page));
  const live = targets.filter((t) => probes.get(t)!.kind === "ok");
  const times = new Map<Target, number[]>(live.map((t) => [t, []]));
  const bytes = new Map<Target, number>();
  // Round-robin, so a slower minute of the host touches every page alike.
  for (let round = 0; round < warmup + n; round++) {
    for (const t of live) {
      const a = await request(baseUrl, t.session, t.page.path);
      if (a.status !== 200) throw new Error(`${t.page.path} (${t.role}) respondeu ${a.status} na rodada ${round + 1}`);
      if (round >= warmup) times.get(t)!.push(a.ms);
      bytes.set(t, a.bytes);
    }
  }
  return targets.map((t): PageMeasure => {
    const base = { page: t.page.label, role: t.role, targetMs: t.page.targetMs };
    const probe = probes.get(t)!;
    if (probe.kind === "missing") return { kind: "missing", ...base };
    if (probe.kind === "failed") return { kind: "failed", ...base, reason: probe.reason };
    return { kind: "timed", ...base, timesMs: times.get(t)!, bytes: bytes.get(t)! };
  });
}

const login_ = (papel: string) => {
  const found = DEMO_LOGINS.find((l) => l.papel === papel);
  if (!found) throw new Error(`a demonstração não tem login de ${papel}`);
  return found;
};

export async function main(argv: string[]): Promise<void> {
  let args;
  try {
    args = parseDashboardArgs(argv, process.env);
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${DASHBOARD_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(DASHBOARD_USAGE);
    return;
  }
  const dataDir = path.resolve(".data", args.database);
  const databaseUrl = databaseUrlFor(args.serverUrl, args.database);
  const gestor = login_("gestor");
  const corretor = login_("corretor");

  let seededIn: number | null = null;
  if (args.reuse) {
    const leads = await withClient(databaseUrl, countLeads);
    if (leads === 0) throw new Error(`--reuse: o banco ${args.database} não tem leads; rode sem --reuse`);
    console.log(`▸ --reuse: banco ${args.database} com ${leads.toLocaleString("pt-BR")} leads, como está.`);
  } else {
    console.log(`▸ Banco novo ${args.database}; npm run db:seed -- --leads ${args.leads}…`);
    await recreateDatabase(args.serverUrl, args.database);
    seededIn = await seedDatabase(databaseUrl, args.leads, dataDir);
    console.log(`▸ Semeado em ${(seededIn / 1000).toFixed(1)} s (migrações e tsx incluídos).`);
  }
  const { lead, typical, busca, leads } = await withClient(databaseUrl, async (client) => {
    const corretorId = await corretorIdOfLogin(client, corretor.email);
    return {
      lead: await ensureLongTimeline(client, corretorId),
      typical: await pickTypicalLead(client, corretorId),
      busca: await pickSearchTarget(client, corretorId),
      leads: await countLeads(client),
    };
  });
  if (!args.reuse) {
    // The state a table reaches once autovacuum has been by (it is off on this VM, and a bulk load sets no
    // visibility map): without it every index-only count (the overview's) reads each row's heap page too.
    const vacuumStarted = performance.now();
    await withClient(databaseUrl, (client) => client.query("vacuum (analyze)"));
    console.log(`▸ VACUUM (ANALYZE) depois do seed: ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s.`);
  }
  console.log(
    lead.added > 0
      ? `▸ Linha do tempo longa: ${lead.added} interações/eventos/mensagens copiados de outros leads do corretor para ${lead.leadId} (agora ${lead.items} itens; o seed não cria nenhum lead com mais de ~16).`
      : `▸ Linha do tempo longa: ${lead.leadId} já tem ${lead.items} itens.`,
  );

  let server: BenchServer | null = null;
  try {
    if (!args.url) {
      console.log(`▸ Servidor de produção (npm start: build se estiver desatualizado) na porta ${args.port}…`);
      server = await startServerOnDatabase({ port: args.port, databaseUrl, redisUrl: args.redisUrl, dataDir });
    }
    const baseUrl = args.url ?? server!.url;
    const sessions = [
      { role: "gestor", session: await login(baseUrl, gestor.email, gestor.senha) },
      { role: "corretor", session: await login(baseUrl, corretor.email, corretor.senha) },
    ];
    const targets = pagesFor(lead, typical, busca).flatMap((page) => sessions.map((s) => ({ page, ...s })));
    console.log(`▸ Medindo: ${args.warmup} pedidos de aquecimento e ${args.n} medidos por página e papel…`);
    const hostBefore = hostSnapshot();
    const results = await measure(baseUrl, targets, args.warmup, args.n);
    const host = hostLoadBetween(hostBefore, hostSnapshot());

    console.log(
      `\nBenchmark do painel — ${leads.toLocaleString("pt-BR")} leads, Postgres + Redis reais, build de produção, ${baseUrl}`,
    );
    console.log(
      `tempo do servidor = do envio do pedido ao último byte do HTML (loopback), um pedido por vez, em rodízio\n`,
    );
    console.log(formatTable(results));
    console.log(`\nbusca: "${busca.nome}" e "${busca.telefone}" (um lead em_contato do corretor com score ≥ 50)`);
    if (seededIn !== null) console.log(`db:seed -- --leads ${args.leads}: ${(seededIn / 1000).toFixed(1)} s`);
    if (host) console.log(hostLoadLine(host));
    console.log(`  carga média da máquina (1 min) ao fim: ${loadavg()[0]!.toFixed(1)}`);
  } finally {
    await server?.stop();
  }
}
