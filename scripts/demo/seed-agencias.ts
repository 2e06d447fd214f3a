// The summaries benchmark's data set (`npm run db:seed -- --agencias 100 --leads 100000`): many small
// agencies instead of the one demo agency, so the summaries and sweeps run over ≥ 2,000 brokers.
// Each agency: brokers on duty every day 08:00–20:00, an admin and a gestor with a WhatsApp number,
// 30 listings, three portal integrations; leads spread evenly over the 30 days before `now` (so every
// portal delivers every day), one delivery and one `novo_lead` event each, a first response for 3 in
// 4 and an `sla_violado` event for the rest. Agency 1's Imovelweb has been silent for 40 hours, so the
// first sweep finds one quiet portal. The weekly summaries wait until 23:59, so a bench at 09:00 times
// the daily ones alone. Written by set-based SQL (generate_series) in one transaction:
// deterministic for the same arguments, and about as fast as Postgres can write.
import { TZDate } from "@date-fns/tz";
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/lib/db/client";
import { encryptSecret } from "@/lib/crypto/secrets";

export type SeedAgenciasOptions = { agencias: number; corretores: number; leads: number; now: Date };

const DIA_MS = 24 * 60 * 60_000;
const PREFS = JSON.stringify({ horario: { inicio: "08:00", fim: "20:00" }, dias: [0, 1, 2, 3, 4, 5, 6] });
const BAIRROS = ["Moema", "Pinheiros", "Tatuapé", "Santana", "Vila Mariana", "Butantã", "Lapa", "Mooca"];
const TIPOS = ["apartamento", "casa", "sala", "terreno"];
const ORIGENS = ["zap", "vivareal", "olx", "chavesnamao", "imovelweb"];

const arr = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(",")}]`;

export async function seedAgencias(handle: DbHandle, o: SeedAgenciasOptions): Promise<Record<string, number>> {
  const { agencias: A, leads: L } = o;
  const C = Math.max(1, Math.ceil(o.corretores / A)); // brokers per agency
  const now = `'${o.now.toISOString()}'::timestamptz`;
  // leads/eventos times are `timestamp` (UTC wall time).
  const nowUtc = `(${now} at time zone 'UTC')`;
  const segredo = encryptSecret("segredo-do-bench-123");
  const id = (prefix: string, n: string) => `'${prefix}_bench_' || lpad((${n})::text, 7, '0')`;
  const statements = [
    `insert into imobiliarias (id, slug, nome, cidade, uf, timezone, configuracoes)
     select ${id("imob", "a")}, 'bench-' || a, 'Imobiliária Bench ' || a, 'São Paulo', 'SP', 'America/Sao_Paulo', '{"resumoSemanalHora":"23:59"}'::jsonb
     from generate_series(1, ${A}) a`,
    `insert into corretores (id, nome, telefone, imobiliaria_id, ativo, preferencias)
     select ${id("cor", "(a - 1) * " + C + " + c")}, 'Corretor ' || a || '-' || c,
       '+55119' || lpad((10000000 + (a - 1) * ${C} + c)::text, 8, '0'), ${id("imob", "a")}, true, '${PREFS}'::jsonb
     from generate_series(1, ${A}) a, generate_series(1, ${C}) c`,
    `insert into usuarios (id, email, nome, senha_hash, papel, imobiliaria_id, whatsapp)
     select ${id("usr", "a * 2 + p")}, (case p when 0 then 'admin' else 'gestor' end) || a || '@bench.invalid',
       (case p when 0 then 'Admin ' else 'Gestor ' end) || a, '$2a$04$' || repeat('a', 53),
       case p when 0 then 'admin' else 'gestor' end, ${id("imob", "a")},
       '+55118' || lpad((10000000 + a * 2 + p)::text, 8, '0')
     from generate_series(1, ${A}) a, generate_series(0, 1) p`,
    `insert into imoveis (id, imobiliaria_id, codigo, tipo, finalidade, bairro, cidade, uf, preco, ativo)
     select ${id("imv", "(a - 1) * 30 + k")}, ${id("imob", "a")}, 'B' || k,
       (${arr(TIPOS)})[1 + k % ${TIPOS.length}], 'venda', (${arr(BAIRROS)})[1 + (k * 7) % ${BAIRROS.length}],
       'São Paulo', 'SP', 300000 + k * 25000, true
     from generate_series(1, ${A}) a, generate_series(1, 30) k`,
    `insert into integracoes (id, imobiliaria_id, portal, segredo_cifrado, ativo)
     select ${id("int", "a * 3 + p")}, ${id("imob", "a")}, (array['grupo-olx','chaves-na-mao','imovelweb'])[p + 1], '${segredo}', true
     from generate_series(1, ${A}) a, generate_series(0, 2) p`,
    // Lead i: agency 1 + i % A, broker 1 + (i / A) % C, arriving (i / L) × 30 days before now.
    `insert into leads (id, imobiliaria_id, corretor_id, nome, telefone, origem, data_primeiro_contato,
       data_ultima_interacao, score, status, busca, primeira_resposta_em)
     select ${id("lead", "i")}, ${id("imob", "1 + i % " + A)}, ${id("cor", `(i % ${A}) * ${C} + 1 + (i / ${A}) % ${C}`)},
       'Lead ' || i, '+55119' || lpad((20000000 + i)::text, 8, '0'), (${arr(ORIGENS)})[1 + (i / 7) % ${ORIGENS.length}],
       t, t, h % 100,
       case when h % 4 = 0 then 'novo' when h % 10 = 1 then 'visita_agendada' when h % 25 = 2 then 'proposta'
            when h % 50 = 3 then 'fechado' when h % 12 = 5 then 'perdido' else 'em_contato' end,
       case when h % 5 < 3 then jsonb_build_object('bairro', (${arr(BAIRROS)})[1 + h % ${BAIRROS.length}],
         'tipo', (${arr(TIPOS)})[1 + (h / 8) % ${TIPOS.length}], 'finalidade', 'venda',
         'precoMax', 400000 + (h % 20) * 50000) end,
       case when h % 4 = 0 then null else t + ((h % 120) || ' minutes')::interval end
     from (select i, abs(hashtext(i::text)) as h,
             ${nowUtc} - (i::float8 / ${L} * ${30 * DIA_MS} || ' milliseconds')::interval as t
           from generate_series(1, ${L}) i) s`,
    `insert into entregas_webhook (id, imobiliaria_id, portal, external_id, recebido_em, resultado, status_http, lead_id)
     select replace(l.id, 'lead_', 'ent_'), l.imobiliaria_id,
       case l.origem when 'chavesnamao' then 'chaves-na-mao' when 'imovelweb' then 'imovelweb' else 'grupo-olx' end,
       l.id, l.data_primeiro_contato at time zone 'UTC', 'aceita', 201, l.id
     from leads l where l.id like 'lead_bench_%'`,
    `delete from entregas_webhook where imobiliaria_id = ${id("imob", "1")} and portal = 'imovelweb'
       and recebido_em > ${now} - interval '40 hours'`,
    `insert into eventos (id, imobiliaria_id, tipo, urgencia, corretor_id, lead_id, titulo, descricao, acao_recomendada,
       data_deteccao, processado, metadata)
     select replace(l.id, 'lead_', 'evt_'), l.imobiliaria_id, 'novo_lead', 'media', l.corretor_id, l.id, 'Novo lead',
       '', '', l.data_primeiro_contato, true, '{"decisao":{"acao":"agora"}}'::jsonb
     from leads l where l.id like 'lead_bench_%'`,
    `insert into eventos (id, imobiliaria_id, tipo, urgencia, corretor_id, lead_id, titulo, descricao, acao_recomendada,
       data_deteccao, processado, metadata)
     select replace(l.id, 'lead_', 'evt_sla_'), l.imobiliaria_id, 'sla_violado', 'alta', l.corretor_id, l.id,
       'Prazo de resposta estourado', '', '', l.data_primeiro_contato + interval '15 minutes', true, '{}'::jsonb
     from leads l where l.id like 'lead_bench_%' and l.primeira_resposta_em is null`,
  ];
  await handle.db.transaction(async (tx) => {
    for (const s of statements) await tx.execute(sql.raw(s));
  });
  await handle.db.execute(sql.raw("analyze"));
  const counts: Record<string, number> = {};
  for (const t of ["imobiliarias", "corretores", "usuarios", "leads", "entregas_webhook", "eventos", "integracoes"]) {
    const rows = (await handle.db.execute(sql.raw(`select count(*)::int as n from ${t}`))) as unknown as {
      rows: { n: number }[];
    };
    counts[t] = Number(rows.rows[0]?.n ?? 0);
  }
  return counts;
}

/** The bench's "now": today's 09:00 in São Paulo (brokers on duty, the managers' 08:00 summary due). */
export function benchNow(at: Date = new Date()): Date {
  const local = new TZDate(at.getTime(), "America/Sao_Paulo");
  return new Date(
    new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 9, 0, 0, 0, "America/Sao_Paulo").getTime(),
  );
}
