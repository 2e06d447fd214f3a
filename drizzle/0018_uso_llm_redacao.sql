CREATE TABLE "uso_llm" (
	"imobiliaria_id" varchar(50) NOT NULL,
	"dia" date NOT NULL,
	"tarefa" varchar(20) NOT NULL,
	"modelo" varchar(100) NOT NULL,
	"chamadas" integer DEFAULT 0 NOT NULL,
	"falhas" integer DEFAULT 0 NOT NULL,
	"tokens_entrada" bigint DEFAULT 0 NOT NULL,
	"tokens_saida" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "uso_llm_imobiliaria_id_dia_tarefa_modelo_pk" PRIMARY KEY("imobiliaria_id","dia","tarefa","modelo")
);
--> statement-breakpoint
ALTER TABLE "mensagens" ADD COLUMN "redacao" jsonb;--> statement-breakpoint
ALTER TABLE "mensagens" ADD COLUMN "escrita_por" varchar(60);--> statement-breakpoint
ALTER TABLE "mensagens" ADD COLUMN "escrita_motivo" varchar(120);--> statement-breakpoint
ALTER TABLE "uso_llm" ADD CONSTRAINT "uso_llm_imobiliaria_id_imobiliarias_id_fk" FOREIGN KEY ("imobiliaria_id") REFERENCES "public"."imobiliarias"("id") ON DELETE no action ON UPDATE no action;