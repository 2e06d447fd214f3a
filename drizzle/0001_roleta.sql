CREATE TABLE "roleta_estado" (
	"imobiliaria_id" varchar(50) PRIMARY KEY NOT NULL,
	"correntes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"atualizado_em" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "roleta_estado" ADD CONSTRAINT "roleta_estado_imobiliaria_id_imobiliarias_id_fk" FOREIGN KEY ("imobiliaria_id") REFERENCES "public"."imobiliarias"("id") ON DELETE no action ON UPDATE no action;