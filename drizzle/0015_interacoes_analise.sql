ALTER TABLE "interacoes" ADD COLUMN "analise" jsonb;--> statement-breakpoint
ALTER TABLE "interacoes" ADD COLUMN "analisado_em" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "idx_interacoes_a_analisar" ON "interacoes" USING btree ("id") WHERE analisado_em IS NULL AND conteudo IS NOT NULL AND tipo IN ('mensagem_portal', 'nova_consulta', 'resposta_whatsapp', 'nota');