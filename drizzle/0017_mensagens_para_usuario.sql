ALTER TABLE "mensagens" ALTER COLUMN "corretor_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mensagens" ADD COLUMN "usuario_id" varchar(50);--> statement-breakpoint
ALTER TABLE "mensagens" ADD CONSTRAINT "mensagens_usuario_id_usuarios_id_fk" FOREIGN KEY ("usuario_id") REFERENCES "public"."usuarios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_mensagens_usuario_criado" ON "mensagens" USING btree ("usuario_id","criado_em");--> statement-breakpoint
ALTER TABLE "mensagens" ADD CONSTRAINT "mensagens_um_destinatario" CHECK (("mensagens"."corretor_id" is null) <> ("mensagens"."usuario_id" is null));