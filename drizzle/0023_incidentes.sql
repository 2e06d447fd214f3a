CREATE TABLE "incidentes" (
	"id" varchar(50) PRIMARY KEY NOT NULL,
	"tipo" varchar(30) NOT NULL,
	"severidade" varchar(10) NOT NULL,
	"aberto_em" timestamp with time zone NOT NULL,
	"resolvido_em" timestamp with time zone,
	"detalhes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "uq_incidentes_aberto_por_tipo" ON "incidentes" USING btree ("tipo") WHERE "incidentes"."resolvido_em" is null;--> statement-breakpoint
CREATE INDEX "idx_incidentes_aberto_em" ON "incidentes" USING btree ("aberto_em");--> statement-breakpoint
CREATE INDEX "idx_mensagens_sent_at" ON "mensagens" USING btree ("sent_at");