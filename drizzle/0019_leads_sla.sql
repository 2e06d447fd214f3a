ALTER TABLE "leads" ADD COLUMN "sla_etapa" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "sla_desde" timestamp;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "sla_proxima_em" timestamp;--> statement-breakpoint
-- The chain starts with the leads that arrive from now on: an old unanswered backlog escalated all at
-- once on deploy would flood the managers with leads nobody can still save.
UPDATE "leads" SET "sla_etapa" = 3
WHERE primeira_resposta_em IS NULL AND corretor_id IS NOT NULL AND status NOT IN ('fechado', 'perdido');--> statement-breakpoint
CREATE INDEX "idx_leads_sla_pendente" ON "leads" USING btree ((coalesce("sla_proxima_em", "sla_desde", "data_primeiro_contato"))) WHERE primeira_resposta_em is null and corretor_id is not null and sla_etapa < 3 and status not in ('fechado', 'perdido');--> statement-breakpoint
-- Migration 0013's rule, plus: a lead the SLA chain re-routes ("redistribuir_sla") is no broker's
-- response, like "Passar adiante" — its note must not stop the new broker's clock.
CREATE OR REPLACE FUNCTION "leads_primeira_resposta_trg"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.tipo IN ('contato_corretor', 'mudanca_status', 'nota', 'visita', 'toque_link')
     AND coalesce(NEW.metadata->>'acao', '') NOT IN ('passar_adiante', 'redistribuir_sla') AND NEW.data IS NOT NULL THEN
    UPDATE leads SET primeira_resposta_em = NEW.data
    WHERE id = NEW.lead_id AND data_primeiro_contato <= NEW.data
      AND (primeira_resposta_em IS NULL OR primeira_resposta_em > NEW.data);
  END IF;
  RETURN NULL;
END $$;
