-- Until 7860047 the lead page's "Reatribuir" recorded its note as metadata.acao 'reatribuir', which
-- the first-response trigger (0019) counted as the broker's response: such a lead kept the reassignment
-- time as its first response and left the SLA chain. The note is the hand-over it always was: relabel
-- it as one, as the code writes it now, so the trigger, the lead page and the figures agree.
UPDATE "interacoes" SET "metadata" = jsonb_set("metadata", '{acao}', '"passar_adiante"')
WHERE "metadata"->>'acao' = 'reatribuir' AND "metadata"->>'via' = 'painel';--> statement-breakpoint
-- Then each touched lead's first response again, by the trigger's rule (the daily rollup's statement
-- triggers follow the update). One left with no response does not start its SLA chain now: as in
-- 0019, an old backlog escalated at once on deploy would flood the managers.
WITH recalculada AS (
  SELECT l.id,
    (SELECT min(i.data) FROM "interacoes" i
     WHERE i.lead_id = l.id AND i.data IS NOT NULL AND i.data >= l.data_primeiro_contato
       AND i.tipo IN ('contato_corretor', 'mudanca_status', 'nota', 'visita', 'toque_link')
       AND coalesce(i.metadata->>'acao', '') NOT IN ('passar_adiante', 'redistribuir_sla')) AS em
  FROM "leads" l
  WHERE l.id IN (SELECT lead_id FROM "interacoes" WHERE "metadata"->>'acao' = 'passar_adiante' AND "metadata"->>'via' = 'painel')
)
UPDATE "leads" l
SET "primeira_resposta_em" = r.em,
    "sla_etapa" = CASE WHEN r.em IS NULL THEN 3 ELSE l.sla_etapa END
FROM recalculada r
WHERE l.id = r.id AND l.primeira_resposta_em IS DISTINCT FROM r.em;
