// The dashboard bench's data: a fresh database seeded by `npm run db:seed` (timed), one lead with a
// long timeline, and the values the measured URLs need (an existing name and phone, that lead's id).
import { spawn } from "node:child_process";
import { Client } from "pg";
import { formatPhone } from "@/lib/phone/format-phone";

export async function withClient<T>(databaseUrl: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** `npm run db:seed -- --leads N` (migrations, then the demo agency) in its own process; its wall time. */
export async function seedDatabase(databaseUrl: string, leads: number, dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn("npx", ["tsx", "scripts/seed-demo.ts", "--leads", String(leads)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, DATABASE_DRIVER: "", LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`npm run db:seed saiu com código ${code}`);
  return performance.now() - started;
}

export async function countLeads(client: Client): Promise<number> {
  const exists = await client.query(`select to_regclass('public.leads') is not null as ok`);
  if (!exists.rows[0]?.ok) return 0;
  return (await client.query<{ n: number }>("select count(*)::int as n from leads")).rows[0]!.n;
}

export type TimelineLead = { leadId: string; items: number; added: number };

// What the copied history is made of, about the mix of the seed's own timelines (interações 2:1 to eventos).
const ADD = { interacoes: 100, eventos: 60, mensagens: 60 };
/** A lead with at least this many timeline items already has its long timeline (a --reuse run). */
const LONG_ENOUGH = 150;

// Grouped, not per lead: mensagens has no index on lead_id, so a per-lead count would scan it per lead.
const ITEMS_BY_LEAD = `
  with dele as (select id from leads where corretor_id = $1),
  contagens as (
    select lead_id, count(*) as n from interacoes where lead_id in (select id from dele) group by lead_id
    union all select lead_id, count(*) from eventos where lead_id in (select id from dele) group by lead_id
    union all select lead_id, count(*) from mensagens where lead_id in (select id from dele) group by lead_id)
  select lead_id as id, sum(n)::int as items from contagens group by lead_id`;
const LONGEST_TIMELINE = `${ITEMS_BY_LEAD} order by items desc, lead_id limit 1`;

/**
 * The demo broker's lead with the most interações + eventos + mensagens. The seed gives none more than
 * ~16, so the first run copies ~220 rows of the broker's other leads onto one of theirs (new ids, same
 * kinds, texts, decisions and digest links): a lead both the broker and the manager can open.
 */
export async function ensureLongTimeline(client: Client, corretorId: string): Promise<TimelineLead> {
  const longest = async () =>
    (await client.query<{ id: string; items: number }>(LONGEST_TIMELINE, [corretorId])).rows[0];
  const before = await longest();
  if (!before) throw new Error(`o corretor ${corretorId} não tem leads`);
  if (before.items >= LONG_ENOUGH) return { leadId: before.id, items: before.items, added: 0 };

  const leadId = before.id;
  const donors = `select id from leads where corretor_id = $2 and id <> $1::varchar`;
  await client.query("begin");
  try {
    const i = await client.query(
      `insert into interacoes (lead_id, data, tipo, conteudo, sentimento, metadata)
       select $1::varchar, data, tipo, conteudo, sentimento, metadata from interacoes
       where lead_id in (${donors}) order by id limit ${ADD.interacoes}`,
      [leadId, corretorId],
    );
    const e = await client.query(
      `insert into eventos (id, tipo, urgencia, corretor_id, lead_id, titulo, descricao, acao_recomendada,
         data_deteccao, processado, metadata, imobiliaria_id, mensagem_agrupada_id)
       select id || '-bench', tipo, urgencia, corretor_id, $1::varchar, titulo, descricao, acao_recomendada,
         data_deteccao, processado, metadata, imobiliaria_id, mensagem_agrupada_id from eventos
       where lead_id in (${donors}) order by id limit ${ADD.eventos}`,
      [leadId, corretorId],
    );
    // Only messages already sent, failed or held: copies nothing will try to send.
    const m = await client.query(
      `insert into mensagens (id, imobiliaria_id, corretor_id, lead_id, evento_id, evento_ids, tipo, destino, corpo,
         template_sid, template_variaveis, botoes, status, provider_sid, erro_codigo, erro_mensagem, tentativas,
         idempotency_key, scheduled_for, sent_at, criado_em, atualizado_em, mensagem_agrupada_id)
       select id || '-bench', imobiliaria_id, corretor_id, $1::varchar, evento_id, evento_ids, tipo, destino, corpo,
         template_sid, template_variaveis, botoes, status, null, erro_codigo, erro_mensagem, tentativas,
         idempotency_key || ':bench', scheduled_for, sent_at, criado_em, atualizado_em, mensagem_agrupada_id
       from mensagens where lead_id in (${donors}) and status not in ('pendente', 'enviando', 'agendada')
       order by id limit ${ADD.mensagens}`,
      [leadId, corretorId],
    );
    await client.query("commit");
    await client.query("analyze interacoes, eventos, mensagens");
    const added = (i.rowCount ?? 0) + (e.rowCount ?? 0) + (m.rowCount ?? 0);
    return { leadId, items: before.items + added, added };
  } catch (err) {
    await client.query("rollback");
    throw err;
  }
}

/**
 * A lead of the broker with an ordinary history (the seed's median is ~10 items), the newest such:
 * beside the long one, it tells what the page costs whatever the timeline's length.
 */
export async function pickTypicalLead(client: Client, corretorId: string): Promise<TimelineLead> {
  const { rows } = await client.query<{ id: string; items: number }>(
    `select * from (${ITEMS_BY_LEAD}) t where items between 8 and 12 order by id desc limit 1`,
    [corretorId],
  );
  const row = rows[0];
  if (!row) throw new Error(`o corretor ${corretorId} não tem lead com 8 a 12 itens na linha do tempo`);
  return { leadId: row.id, items: row.items, added: 0 };
}

export type SearchTarget = { nome: string; telefone: string; leadId: string };

/**
 * A lead of the broker that the filtered list (status em_contato, score ≥ 50) shows, with its name and
 * its phone as a person types it ("(11) 98765-4321"): the search finds it for the broker and the manager.
 */
export async function pickSearchTarget(client: Client, corretorId: string): Promise<SearchTarget> {
  const { rows } = await client.query<{ id: string; nome: string; telefone: string }>(
    `select id, nome, telefone from leads
     where corretor_id = $1 and status = 'em_contato' and coalesce(score, 0) >= 50
     order by data_primeiro_contato desc nulls last, id desc limit 1`,
    [corretorId],
  );
  const row = rows[0];
  if (!row) throw new Error(`o corretor ${corretorId} não tem lead em_contato com score ≥ 50`);
  return { leadId: row.id, nome: row.nome, telefone: formatPhone(row.telefone) };
}

export async function corretorIdOfLogin(client: Client, email: string): Promise<string> {
  const { rows } = await client.query<{ corretor_id: string | null }>(
    "select corretor_id from usuarios where email = $1",
    [email],
  );
  const id = rows[0]?.corretor_id;
  if (!id) throw new Error(`o login ${email} não existe ou não é de um corretor (o banco tem a demonstração?)`);
  return id;
}
