-- One counter row per broker made every intake for that broker wait, until the previous intake
-- committed, on that row's lock. Spread each broker's count over rows keyed by transaction id:
-- concurrent transactions have consecutive ids, so they write different rows; the count is the sum.
ALTER TABLE "corretores_carga" ADD COLUMN "parte" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "corretores_carga" DROP CONSTRAINT "corretores_carga_pkey";--> statement-breakpoint
ALTER TABLE "corretores_carga" ADD CONSTRAINT "corretores_carga_corretor_id_parte_pk" PRIMARY KEY("corretor_id","parte");--> statement-breakpoint
-- Open statuses: keep in step with OPEN_LEAD_STATUS (lib/db/schema/leads.ts); 16 = CARGA_PARTES.
CREATE OR REPLACE FUNCTION "lastro_conta_carga"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	minha_parte smallint := (txid_current() % 16)::smallint;
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status AND OLD.corretor_id IS NOT DISTINCT FROM NEW.corretor_id THEN
		RETURN NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.corretor_id IS NOT NULL
		AND OLD.status IN ('novo', 'em_contato', 'visita_agendada', 'visita_realizada', 'proposta') THEN
		INSERT INTO "corretores_carga" ("corretor_id", "parte", "abertos") VALUES (OLD.corretor_id, minha_parte, -1)
		ON CONFLICT ("corretor_id", "parte") DO UPDATE SET "abertos" = "corretores_carga"."abertos" - 1;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.corretor_id IS NOT NULL
		AND NEW.status IN ('novo', 'em_contato', 'visita_agendada', 'visita_realizada', 'proposta') THEN
		INSERT INTO "corretores_carga" ("corretor_id", "parte", "abertos") VALUES (NEW.corretor_id, minha_parte, 1)
		ON CONFLICT ("corretor_id", "parte") DO UPDATE SET "abertos" = "corretores_carga"."abertos" + 1;
	END IF;
	RETURN NULL;
END
$$;
