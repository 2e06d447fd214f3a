ALTER TABLE "usuarios" ADD COLUMN "senha_provisoria_ate" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "usuarios_corretor_id_unique" ON "usuarios" USING btree ("corretor_id");