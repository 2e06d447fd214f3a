CREATE TABLE "chaves_api" (
	"id" varchar(50) PRIMARY KEY NOT NULL,
	"imobiliaria_id" varchar(50) NOT NULL,
	"nome" varchar(80) NOT NULL,
	"prefixo" varchar(16) NOT NULL,
	"hash" varchar(64) NOT NULL,
	"escopos" jsonb NOT NULL,
	"criada_por" varchar(50),
	"criada_em" timestamp with time zone DEFAULT now() NOT NULL,
	"revogada_em" timestamp with time zone,
	"ultimo_uso_em" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "chaves_api" ADD CONSTRAINT "chaves_api_imobiliaria_id_imobiliarias_id_fk" FOREIGN KEY ("imobiliaria_id") REFERENCES "public"."imobiliarias"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_chaves_api_hash" ON "chaves_api" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "idx_chaves_api_imobiliaria" ON "chaves_api" USING btree ("imobiliaria_id");