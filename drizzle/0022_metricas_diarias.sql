CREATE TABLE "demanda_diaria" (
	"imobiliaria_id" varchar(50) NOT NULL,
	"dia" date NOT NULL,
	"corretor_id" varchar(50) DEFAULT '' NOT NULL,
	"fatia" smallint DEFAULT 0 NOT NULL,
	"dimensao" varchar(10) NOT NULL,
	"chave" jsonb NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "demanda_diaria_imobiliaria_id_dia_corretor_id_dimensao_chave_fatia_pk" PRIMARY KEY("imobiliaria_id","dia","corretor_id","dimensao","chave","fatia")
);
--> statement-breakpoint
CREATE TABLE "metricas_diarias" (
	"imobiliaria_id" varchar(50) NOT NULL,
	"dia" date NOT NULL,
	"corretor_id" varchar(50) DEFAULT '' NOT NULL,
	"fatia" smallint DEFAULT 0 NOT NULL,
	"origem" varchar(50) DEFAULT '' NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	"contato" integer DEFAULT 0 NOT NULL,
	"visita" integer DEFAULT 0 NOT NULL,
	"proposta" integer DEFAULT 0 NOT NULL,
	"fechado" integer DEFAULT 0 NOT NULL,
	"roleta" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metricas_diarias_imobiliaria_id_dia_corretor_id_origem_fatia_pk" PRIMARY KEY("imobiliaria_id","dia","corretor_id","origem","fatia")
);
--> statement-breakpoint
CREATE TABLE "metricas_mensagens_diarias" (
	"imobiliaria_id" varchar(50) NOT NULL,
	"dia" date NOT NULL,
	"corretor_id" varchar(50) DEFAULT '' NOT NULL,
	"fatia" smallint DEFAULT 0 NOT NULL,
	"enviadas" integer DEFAULT 0 NOT NULL,
	"retidas" integer DEFAULT 0 NOT NULL,
	"agendadas" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metricas_mensagens_diarias_imobiliaria_id_dia_corretor_id_fatia_pk" PRIMARY KEY("imobiliaria_id","dia","corretor_id","fatia")
);
--> statement-breakpoint
CREATE TABLE "metricas_respostas_diarias" (
	"imobiliaria_id" varchar(50) NOT NULL,
	"dia" date NOT NULL,
	"corretor_id" varchar(50) DEFAULT '' NOT NULL,
	"fatia" smallint DEFAULT 0 NOT NULL,
	"segundos" integer NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metricas_respostas_diarias_imobiliaria_id_dia_corretor_id_segundos_fatia_pk" PRIMARY KEY("imobiliaria_id","dia","corretor_id","segundos","fatia")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "uq_corretores_imobiliaria_telefone" ON "corretores" USING btree ("imobiliaria_id","telefone");--> statement-breakpoint
CREATE INDEX "idx_leads_imobiliaria_contagens" ON "leads" USING btree ("imobiliaria_id","status","score","corretor_id","id");--> statement-breakpoint
CREATE INDEX "idx_interacoes_lead_acao_corretor" ON "interacoes" USING btree ("lead_id") WHERE tipo IN ('contato_corretor', 'nota', 'visita', 'mudanca_status', 'toque_link');--> statement-breakpoint
CREATE INDEX "idx_mensagens_imobiliaria_status" ON "mensagens" USING btree ("imobiliaria_id","status","corretor_id");--> statement-breakpoint
-- The daily rollup is kept by Postgres, so every write path (intake, status moves, the 0013 first-response
-- trigger, message callbacks, the seed, PGlite) keeps it exact: statement triggers read the transition
-- tables, add the new rows' contribution and subtract the old rows' (docs/decisions/metricas-diarias.md).
-- A lead sent by "Enviar lead de teste" (metadata.teste, @teste.lastro.invalid) counts in no figure.
CREATE FUNCTION "lastro_lead_de_teste"(metadata jsonb, email text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(metadata->>'teste', '') = 'true' OR coalesce(lower(email) LIKE '%@teste.lastro.invalid', false)
$$;--> statement-breakpoint
-- The DemandAggregator's groups of one lead's busca (lib/db/queries/metricas-demanda.ts reads the same keys),
-- and the listing it asked about (lib/db/queries/metricas-imoveis.ts: inquiries per listing).
CREATE FUNCTION "lastro_demanda_grupos"(b jsonb, imovel varchar) RETURNS TABLE(dimensao text, chave jsonb) LANGUAGE sql IMMUTABLE AS $$
  SELECT 'imovel', jsonb_build_object('imovel', imovel) WHERE imovel IS NOT NULL
  UNION ALL SELECT 'busca', '{}'::jsonb WHERE jsonb_typeof(b) = 'object'
  UNION ALL SELECT 'bairro', jsonb_build_object('bairro', b->>'bairro') WHERE jsonb_typeof(b) = 'object' AND b->>'bairro' IS NOT NULL
  UNION ALL SELECT 'tipo', jsonb_build_object('tipo', b->>'tipo') WHERE jsonb_typeof(b) = 'object' AND b->>'tipo' IS NOT NULL
  UNION ALL SELECT 'preco', jsonb_build_object('finalidade', b->>'finalidade', 'precoMin', p.mn, 'precoMax', p.mx)
    FROM (SELECT
      CASE WHEN jsonb_typeof(b->'precoMin') = 'number' THEN (b->>'precoMin')::float8 END AS mn,
      CASE WHEN jsonb_typeof(b->'precoMax') = 'number' THEN (b->>'precoMax')::float8 END AS mx) p
    WHERE jsonb_typeof(b) = 'object' AND (p.mn IS NOT NULL OR p.mx IS NOT NULL)
$$;--> statement-breakpoint
-- The writing connection's slice of the rollup's rows (lib/db/schema/metricas.ts, `fatia`): concurrent intakes
-- of one agency, day and broker then mostly increment different rows, instead of each waiting on the same
-- row lock until the other's COMMIT (and its WAL flush) is done. Readers sum over the slices.
CREATE FUNCTION "lastro_metricas_fatia"() RETURNS smallint LANGUAGE sql STABLE AS $$
  SELECT (pg_backend_pid() % 8)::smallint
$$;--> statement-breakpoint
-- One statement that adds `src`'s rows (sinal 1 or -1, then the leads columns) to the three lead tables.
-- Stage, response and day follow lib/db/queries/metricas-leads.ts (its raw statement is the definition).
CREATE FUNCTION "lastro_metricas_leads_sql"(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
WITH m AS MATERIALIZED (
  SELECT s.sinal, s.imobiliaria_id,
    ((s.data_primeiro_contato AT TIME ZONE 'UTC') AT TIME ZONE i.timezone)::date AS dia,
    coalesce(s.corretor_id, '') AS corretor_id, coalesce(s.origem, '') AS origem,
    CASE WHEN s.status = 'fechado' THEN 4 WHEN s.status = 'proposta' THEN 3
      WHEN s.status IN ('visita_agendada', 'visita_realizada') THEN 2
      WHEN s.status = 'em_contato' OR s.primeira_resposta_em IS NOT NULL THEN 1 ELSE 0 END AS etapa,
    floor(extract(epoch FROM (s.primeira_resposta_em - s.data_primeiro_contato)))::int AS segundos,
    (coalesce(s.metadata->>'roteamento', '') IN ('roleta', 'roleta_fora_do_expediente'))::int AS roleta,
    s.busca, s.imovel_id
  FROM (%s) s JOIN imobiliarias i ON i.id = s.imobiliaria_id
  WHERE s.data_primeiro_contato IS NOT NULL AND NOT lastro_lead_de_teste(s.metadata, s.email)
), d AS (
  SELECT imobiliaria_id, dia, corretor_id, origem, sum(sinal)::int AS leads,
    sum(sinal * (etapa >= 1)::int)::int AS contato, sum(sinal * (etapa >= 2)::int)::int AS visita,
    sum(sinal * (etapa >= 3)::int)::int AS proposta, sum(sinal * (etapa >= 4)::int)::int AS fechado,
    sum(sinal * roleta)::int AS roleta
  FROM m GROUP BY 1, 2, 3, 4
), funil AS (
  INSERT INTO metricas_diarias AS t (imobiliaria_id, dia, corretor_id, origem, leads, contato, visita, proposta, fechado, roleta, fatia)
  SELECT *, lastro_metricas_fatia() FROM d WHERE (leads, contato, visita, proposta, fechado, roleta) <> (0, 0, 0, 0, 0, 0)
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (imobiliaria_id, dia, corretor_id, origem, fatia) DO UPDATE SET
    leads = t.leads + excluded.leads, contato = t.contato + excluded.contato, visita = t.visita + excluded.visita,
    proposta = t.proposta + excluded.proposta, fechado = t.fechado + excluded.fechado, roleta = t.roleta + excluded.roleta
), respostas AS (
  INSERT INTO metricas_respostas_diarias AS t (imobiliaria_id, dia, corretor_id, segundos, leads, fatia)
  SELECT imobiliaria_id, dia, corretor_id, segundos, sum(sinal)::int, lastro_metricas_fatia() FROM m WHERE segundos IS NOT NULL
  GROUP BY 1, 2, 3, 4 HAVING sum(sinal) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (imobiliaria_id, dia, corretor_id, segundos, fatia) DO UPDATE SET leads = t.leads + excluded.leads
)
INSERT INTO demanda_diaria AS t (imobiliaria_id, dia, corretor_id, dimensao, chave, leads, fatia)
SELECT m.imobiliaria_id, m.dia, m.corretor_id, g.dimensao, g.chave, sum(m.sinal)::int, lastro_metricas_fatia()
FROM m CROSS JOIN LATERAL lastro_demanda_grupos(m.busca, m.imovel_id) g
GROUP BY 1, 2, 3, 4, 5 HAVING sum(m.sinal) <> 0 ORDER BY 1, 2, 3, 4, 5
ON CONFLICT (imobiliaria_id, dia, corretor_id, dimensao, chave, fatia) DO UPDATE SET leads = t.leads + excluded.leads
$q$, src)
$f$;--> statement-breakpoint
-- The same for messages: sent (enviada, entregue, lida), held by the quota, scheduled; by creation day.
CREATE FUNCTION "lastro_metricas_mensagens_sql"(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
WITH d AS (
  SELECT s.imobiliaria_id, (s.criado_em AT TIME ZONE i.timezone)::date AS dia, coalesce(s.corretor_id, '') AS corretor_id,
    sum(s.sinal * (s.status IN ('enviada', 'entregue', 'lida'))::int)::int AS enviadas,
    sum(s.sinal * (s.status = 'retida_cota')::int)::int AS retidas,
    sum(s.sinal * (s.status = 'agendada')::int)::int AS agendadas
  FROM (%s) s JOIN imobiliarias i ON i.id = s.imobiliaria_id
  GROUP BY 1, 2, 3
)
INSERT INTO metricas_mensagens_diarias AS t (imobiliaria_id, dia, corretor_id, enviadas, retidas, agendadas, fatia)
SELECT *, lastro_metricas_fatia() FROM d WHERE (enviadas, retidas, agendadas) <> (0, 0, 0) ORDER BY 1, 2, 3
ON CONFLICT (imobiliaria_id, dia, corretor_id, fatia) DO UPDATE SET
  enviadas = t.enviadas + excluded.enviadas, retidas = t.retidas + excluded.retidas, agendadas = t.agendadas + excluded.agendadas
$q$, src)
$f$;--> statement-breakpoint
-- The triggers. Each operation has its own function whose statement is static SQL, written out once here
-- from the one definition above: plpgsql plans a static statement once per connection and reuses the plan,
-- where EXECUTE planned the whole statement (three upserts) again on every write — most of the triggers'
-- cost on the intake (docs/performance.md, "ingest"). An UPDATE first checks, cheaply, that a figure moved:
-- most updates (a repeat inquiry's score and metadata, the last interaction, pendente → enviando) move none.
DO $do$
DECLARE
  leads_moveu constant text := $s$
  IF NOT EXISTS (
    SELECT 1 FROM lastro_novas n JOIN lastro_antigas o ON o.id = n.id
    WHERE (n.imobiliaria_id, n.data_primeiro_contato, n.corretor_id, n.origem, n.status, n.primeira_resposta_em,
           n.busca, n.imovel_id, n.email, n.metadata->>'teste', n.metadata->>'roteamento')
      IS DISTINCT FROM (o.imobiliaria_id, o.data_primeiro_contato, o.corretor_id, o.origem, o.status,
           o.primeira_resposta_em, o.busca, o.imovel_id, o.email, o.metadata->>'teste', o.metadata->>'roteamento')
  ) THEN
    RETURN NULL;
  END IF;$s$;
  -- pendente → enviando → enviada → entregue → lida: only the step into "sent" (or held, scheduled) counts.
  mensagens_moveu constant text := $s$
  IF NOT EXISTS (
    SELECT 1 FROM lastro_novas n JOIN lastro_antigas o ON o.id = n.id
    WHERE (n.imobiliaria_id, n.criado_em, n.corretor_id,
           CASE WHEN n.status IN ('enviada', 'entregue', 'lida') THEN 'enviada' WHEN n.status IN ('retida_cota', 'agendada') THEN n.status END)
      IS DISTINCT FROM (o.imobiliaria_id, o.criado_em, o.corretor_id,
           CASE WHEN o.status IN ('enviada', 'entregue', 'lida') THEN 'enviada' WHEN o.status IN ('retida_cota', 'agendada') THEN o.status END)
  ) THEN
    RETURN NULL;
  END IF;$s$;
  novas constant text := 'SELECT 1 AS sinal, * FROM lastro_novas';
  antigas constant text := 'SELECT -1 AS sinal, * FROM lastro_antigas';
  ambas constant text := 'SELECT 1 AS sinal, * FROM lastro_novas UNION ALL SELECT -1 AS sinal, * FROM lastro_antigas';
  corpo constant text := 'CREATE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql AS %L';
BEGIN
  EXECUTE format(corpo, 'lastro_metricas_leads_ins_trg', format('BEGIN %s; RETURN NULL; END', lastro_metricas_leads_sql(novas)));
  EXECUTE format(corpo, 'lastro_metricas_leads_del_trg', format('BEGIN %s; RETURN NULL; END', lastro_metricas_leads_sql(antigas)));
  EXECUTE format(corpo, 'lastro_metricas_leads_upd_trg',
    format('BEGIN %s %s; RETURN NULL; END', leads_moveu, lastro_metricas_leads_sql(ambas)));
  EXECUTE format(corpo, 'lastro_metricas_mensagens_ins_trg', format('BEGIN %s; RETURN NULL; END', lastro_metricas_mensagens_sql(novas)));
  EXECUTE format(corpo, 'lastro_metricas_mensagens_del_trg', format('BEGIN %s; RETURN NULL; END', lastro_metricas_mensagens_sql(antigas)));
  EXECUTE format(corpo, 'lastro_metricas_mensagens_upd_trg',
    format('BEGIN %s %s; RETURN NULL; END', mensagens_moveu, lastro_metricas_mensagens_sql(ambas)));
END $do$;--> statement-breakpoint
CREATE TRIGGER "leads_metricas_ins" AFTER INSERT ON "leads" REFERENCING NEW TABLE AS lastro_novas
  FOR EACH STATEMENT EXECUTE FUNCTION "lastro_metricas_leads_ins_trg"();--> statement-breakpoint
CREATE TRIGGER "leads_metricas_upd" AFTER UPDATE ON "leads" REFERENCING OLD TABLE AS lastro_antigas NEW TABLE AS lastro_novas
  FOR EACH STATEMENT EXECUTE FUNCTION "lastro_metricas_leads_upd_trg"();--> statement-breakpoint
CREATE TRIGGER "leads_metricas_del" AFTER DELETE ON "leads" REFERENCING OLD TABLE AS lastro_antigas
  FOR EACH STATEMENT EXECUTE FUNCTION "lastro_metricas_leads_del_trg"();--> statement-breakpoint
CREATE TRIGGER "mensagens_metricas_ins" AFTER INSERT ON "mensagens" REFERENCING NEW TABLE AS lastro_novas
  FOR EACH STATEMENT EXECUTE FUNCTION "lastro_metricas_mensagens_ins_trg"();--> statement-breakpoint
CREATE TRIGGER "mensagens_metricas_upd" AFTER UPDATE ON "mensagens" REFERENCING OLD TABLE AS lastro_antigas NEW TABLE AS lastro_novas
  FOR EACH STATEMENT EXECUTE FUNCTION "lastro_metricas_mensagens_upd_trg"();--> statement-breakpoint
CREATE TRIGGER "mensagens_metricas_del" AFTER DELETE ON "mensagens" REFERENCING OLD TABLE AS lastro_antigas
  FOR EACH STATEMENT EXECUTE FUNCTION "lastro_metricas_mensagens_del_trg"();--> statement-breakpoint
-- One agency's rollup from scratch: the backfill below, and when its timezone changes (its days move).
CREATE FUNCTION "lastro_metricas_reconstruir"(p_imobiliaria varchar) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM metricas_diarias WHERE imobiliaria_id = p_imobiliaria;
  DELETE FROM metricas_respostas_diarias WHERE imobiliaria_id = p_imobiliaria;
  DELETE FROM demanda_diaria WHERE imobiliaria_id = p_imobiliaria;
  DELETE FROM metricas_mensagens_diarias WHERE imobiliaria_id = p_imobiliaria;
  EXECUTE lastro_metricas_leads_sql('SELECT 1 AS sinal, * FROM leads WHERE imobiliaria_id = $1') USING p_imobiliaria;
  EXECUTE lastro_metricas_mensagens_sql('SELECT 1 AS sinal, * FROM mensagens WHERE imobiliaria_id = $1') USING p_imobiliaria;
END $$;--> statement-breakpoint
CREATE FUNCTION "lastro_metricas_fuso_trg"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lastro_metricas_reconstruir(NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "imobiliarias_metricas_fuso" AFTER UPDATE OF "timezone" ON "imobiliarias"
  FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION "lastro_metricas_fuso_trg"();--> statement-breakpoint
-- TRUNCATE fires no DELETE trigger: empty the matching rollup with it.
CREATE FUNCTION "lastro_metricas_truncate_trg"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'leads' THEN
    DELETE FROM metricas_diarias;
    DELETE FROM metricas_respostas_diarias;
    DELETE FROM demanda_diaria;
  ELSE
    DELETE FROM metricas_mensagens_diarias;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "leads_metricas_truncate" AFTER TRUNCATE ON "leads"
  FOR EACH STATEMENT EXECUTE FUNCTION "lastro_metricas_truncate_trg"();--> statement-breakpoint
CREATE TRIGGER "mensagens_metricas_truncate" AFTER TRUNCATE ON "mensagens"
  FOR EACH STATEMENT EXECUTE FUNCTION "lastro_metricas_truncate_trg"();--> statement-breakpoint
SELECT lastro_metricas_reconstruir(id) FROM imobiliarias;
--> statement-breakpoint
ANALYZE metricas_diarias, metricas_respostas_diarias, metricas_mensagens_diarias, demanda_diaria;
