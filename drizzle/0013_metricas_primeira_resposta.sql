ALTER TABLE "leads" ADD COLUMN "primeira_resposta_em" timestamp;--> statement-breakpoint
CREATE INDEX "idx_leads_metricas" ON "leads" USING btree ("imobiliaria_id","data_primeiro_contato","corretor_id","origem","status","primeira_resposta_em");--> statement-breakpoint
-- The lead page's first-response rule (lib/painel/first-response.ts, RESPOSTA_DO_CORRETOR_TIPOS): a trigger,
-- so every path that logs an interaction (webhooks, short links, the lead page, the seed) keeps it without
-- each having to remember. A test pins the column to the rule (agents/analista/period-figures.test.ts).
CREATE FUNCTION "leads_primeira_resposta_trg"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.tipo IN ('contato_corretor', 'mudanca_status', 'nota', 'visita', 'toque_link')
     AND coalesce(NEW.metadata->>'acao', '') <> 'passar_adiante' AND NEW.data IS NOT NULL THEN
    UPDATE leads SET primeira_resposta_em = NEW.data
    WHERE id = NEW.lead_id AND data_primeiro_contato <= NEW.data
      AND (primeira_resposta_em IS NULL OR primeira_resposta_em > NEW.data);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "interacoes_primeira_resposta" AFTER INSERT ON "interacoes"
  FOR EACH ROW EXECUTE FUNCTION "leads_primeira_resposta_trg"();--> statement-breakpoint
UPDATE leads l SET primeira_resposta_em = r.em
FROM (
  SELECT i.lead_id, min(i.data) AS em FROM interacoes i JOIN leads l2 ON l2.id = i.lead_id
  WHERE i.tipo IN ('contato_corretor', 'mudanca_status', 'nota', 'visita', 'toque_link')
    AND coalesce(i.metadata->>'acao', '') <> 'passar_adiante' AND i.data >= l2.data_primeiro_contato
  GROUP BY i.lead_id
) r
WHERE r.lead_id = l.id;
