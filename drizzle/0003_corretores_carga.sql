CREATE TABLE "corretores_carga" (
	"corretor_id" varchar(50) PRIMARY KEY NOT NULL,
	"abertos" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "corretores_carga" ADD CONSTRAINT "corretores_carga_corretor_id_corretores_id_fk" FOREIGN KEY ("corretor_id") REFERENCES "public"."corretores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Open statuses: keep in step with OPEN_LEAD_STATUS (lib/db/schema/leads.ts).
CREATE FUNCTION "lastro_conta_carga"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status AND OLD.corretor_id IS NOT DISTINCT FROM NEW.corretor_id THEN
		RETURN NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.corretor_id IS NOT NULL
		AND OLD.status IN ('novo', 'em_contato', 'visita_agendada', 'visita_realizada', 'proposta') THEN
		UPDATE "corretores_carga" SET "abertos" = "abertos" - 1 WHERE "corretor_id" = OLD.corretor_id;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.corretor_id IS NOT NULL
		AND NEW.status IN ('novo', 'em_contato', 'visita_agendada', 'visita_realizada', 'proposta') THEN
		INSERT INTO "corretores_carga" ("corretor_id", "abertos") VALUES (NEW.corretor_id, 1)
		ON CONFLICT ("corretor_id") DO UPDATE SET "abertos" = "corretores_carga"."abertos" + 1;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "trg_leads_carga" AFTER INSERT OR DELETE OR UPDATE OF "status", "corretor_id" ON "leads"
	FOR EACH ROW EXECUTE FUNCTION "lastro_conta_carga"();
--> statement-breakpoint
INSERT INTO "corretores_carga" ("corretor_id", "abertos")
	SELECT "corretor_id", count(*)::int FROM "leads"
	WHERE "corretor_id" IS NOT NULL AND "status" IN ('novo', 'em_contato', 'visita_agendada', 'visita_realizada', 'proposta')
	GROUP BY "corretor_id";
