CREATE TABLE "limites_login" (
	"chave" varchar(100) PRIMARY KEY NOT NULL,
	"contagem" integer NOT NULL,
	"expira_em" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "usuarios" ADD COLUMN "sessao_versao" integer DEFAULT 1 NOT NULL;