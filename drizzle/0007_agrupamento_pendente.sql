ALTER TABLE "eventos" ADD COLUMN "mensagem_agrupada_id" varchar(50);--> statement-breakpoint
ALTER TABLE "mensagens" ADD COLUMN "mensagem_agrupada_id" varchar(50);--> statement-breakpoint
CREATE INDEX "idx_eventos_aguardando_agrupamento" ON "eventos" USING btree ("corretor_id","id") WHERE processado = true and mensagem_agrupada_id is null and (metadata -> 'decisao' ->> 'acao') = 'agrupar' and (metadata -> 'cancelamento') is null;--> statement-breakpoint
CREATE INDEX "idx_mensagens_retidas_sem_agrupada" ON "mensagens" USING btree ("corretor_id","criado_em","id") WHERE status = 'retida_cota' and tipo = 'alerta' and mensagem_agrupada_id is null;--> statement-breakpoint
-- Digests written before this column existed: what each one's evento_ids covers is told.
UPDATE "eventos" AS e SET "mensagem_agrupada_id" = d."id"
FROM "mensagens" AS d CROSS JOIN LATERAL jsonb_array_elements_text(d."evento_ids") AS c("id")
WHERE d."tipo" = 'agrupada' AND e."id" = c."id" AND e."corretor_id" = d."corretor_id" AND e."mensagem_agrupada_id" IS NULL;--> statement-breakpoint
UPDATE "mensagens" AS m SET "mensagem_agrupada_id" = d."id"
FROM "mensagens" AS d CROSS JOIN LATERAL jsonb_array_elements_text(d."evento_ids") AS c("id")
WHERE d."tipo" = 'agrupada' AND m."tipo" = 'alerta' AND m."status" = 'retida_cota' AND m."evento_id" = c."id"
  AND m."corretor_id" = d."corretor_id" AND m."mensagem_agrupada_id" IS NULL;
