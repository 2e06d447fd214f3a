-- The roleta turn as one server-side call (lib/db/queries/roleta.ts takeRoletaTurn). Reading the
-- position, choosing in the app and writing it back held the agency's row lock across client round
-- trips, so every intake of the agency queued behind the slowest one; here the lock lasts as long as
-- this function (and, when it runs on its own, its commit).
--
-- lastro_roleta_gira: one step of smooth weighted round-robin (the nginx algorithm). Each eligible
-- candidate (peso > 0) gains its weight; the highest credit wins (ties: fewer open leads, then the
-- lower id in byte order) and gives back the total weight. Brokers not among the candidates keep
-- their credits. Returns {"escolhido": id, "correntes": {...}}, or NULL with no eligible candidate.
CREATE FUNCTION "lastro_roleta_gira"(correntes jsonb, candidatos jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
	WITH c AS (
		SELECT x->>'id' AS id, (x->>'peso')::numeric AS peso, coalesce((x->>'abertos')::int, 0) AS abertos,
			coalesce((correntes->>(x->>'id'))::numeric, 0) + (x->>'peso')::numeric AS credito
		FROM jsonb_array_elements(candidatos) AS x
		WHERE (x->>'peso')::numeric > 0
	), vencedor AS (
		SELECT id FROM c ORDER BY credito DESC, abertos ASC, id COLLATE "C" ASC LIMIT 1
	)
	SELECT jsonb_build_object(
		'escolhido', v.id,
		'correntes', coalesce(correntes, '{}'::jsonb) || (
			SELECT jsonb_object_agg(c.id, CASE WHEN c.id = v.id THEN c.credito - (SELECT sum(peso) FROM c) ELSE c.credito END) FROM c
		)
	)
	FROM vencedor AS v
$$;
--> statement-breakpoint
-- lastro_roleta_turno: takes the agency's next turn atomically (creating its row on first use).
CREATE FUNCTION "lastro_roleta_turno"(agencia varchar, candidatos jsonb) RETURNS varchar
LANGUAGE plpgsql AS $$
DECLARE
	atual jsonb;
	giro jsonb;
BEGIN
	SELECT "correntes" INTO atual FROM "roleta_estado" WHERE "imobiliaria_id" = agencia FOR UPDATE;
	IF NOT FOUND THEN
		INSERT INTO "roleta_estado" ("imobiliaria_id", "correntes") VALUES (agencia, '{}'::jsonb)
		ON CONFLICT ("imobiliaria_id") DO NOTHING;
		SELECT "correntes" INTO atual FROM "roleta_estado" WHERE "imobiliaria_id" = agencia FOR UPDATE;
	END IF;
	giro := "lastro_roleta_gira"(atual, candidatos);
	IF giro IS NULL THEN
		RETURN NULL;
	END IF;
	UPDATE "roleta_estado" SET "correntes" = giro->'correntes', "atualizado_em" = now() WHERE "imobiliaria_id" = agencia;
	RETURN giro->>'escolhido';
END
$$;
