CREATE TABLE "imobiliarias" (
	"id" varchar(50) PRIMARY KEY NOT NULL,
	"slug" varchar(80) NOT NULL,
	"nome" varchar(200) NOT NULL,
	"cidade" varchar(120),
	"uf" varchar(2),
	"timezone" varchar(64) DEFAULT 'America/Sao_Paulo' NOT NULL,
	"configuracoes" jsonb NOT NULL,
	"criado_em" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imobiliarias_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "corretores" (
	"id" varchar(50) PRIMARY KEY NOT NULL,
	"nome" varchar(200) NOT NULL,
	"telefone" varchar(20) NOT NULL,
	"email" varchar(200),
	"imobiliaria" varchar(200),
	"ativo" boolean DEFAULT true,
	"data_cadastro" timestamp DEFAULT now(),
	"preferencias" jsonb,
	"atuacao" jsonb,
	"metadata" jsonb,
	"imobiliaria_id" varchar(50)
);
--> statement-breakpoint
CREATE TABLE "imoveis" (
	"id" varchar(50) PRIMARY KEY NOT NULL,
	"imobiliaria_id" varchar(50) NOT NULL,
	"codigo" varchar(80) NOT NULL,
	"portal_ids" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"corretor_id" varchar(50),
	"titulo" varchar(300),
	"tipo" varchar(40) NOT NULL,
	"finalidade" varchar(10) NOT NULL,
	"bairro" varchar(120),
	"cidade" varchar(120),
	"uf" varchar(2),
	"preco" numeric(14, 2),
	"quartos" integer,
	"area_m2" integer,
	"ativo" boolean DEFAULT true NOT NULL,
	"criado_em" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" varchar(50) PRIMARY KEY NOT NULL,
	"corretor_id" varchar(50),
	"nome" varchar(200) NOT NULL,
	"telefone" varchar(20) NOT NULL,
	"email" varchar(200),
	"origem" varchar(50),
	"data_primeiro_contato" timestamp,
	"data_ultima_interacao" timestamp,
	"score" integer DEFAULT 0,
	"status" varchar(50),
	"busca" jsonb,
	"metadata" jsonb,
	"imobiliaria_id" varchar(50),
	"imovel_id" varchar(50)
);
--> statement-breakpoint
CREATE TABLE "interacoes" (
	"id" serial PRIMARY KEY NOT NULL,
	"lead_id" varchar(50),
	"data" timestamp DEFAULT now(),
	"tipo" varchar(50),
	"conteudo" text,
	"sentimento" varchar(50),
	"metadata" jsonb
);
--> statement-breakpoint
CREATE TABLE "eventos" (
	"id" varchar(50) PRIMARY KEY NOT NULL,
	"tipo" varchar(50),
	"urgencia" varchar(20),
	"corretor_id" varchar(50),
	"lead_id" varchar(50),
	"titulo" varchar(500),
	"descricao" text,
	"acao_recomendada" text,
	"data_deteccao" timestamp DEFAULT now(),
	"processado" boolean DEFAULT false,
	"metadata" jsonb,
	"imobiliaria_id" varchar(50)
);
--> statement-breakpoint
CREATE TABLE "usuarios" (
	"id" varchar(50) PRIMARY KEY NOT NULL,
	"email" varchar(200) NOT NULL,
	"nome" varchar(200) NOT NULL,
	"senha_hash" varchar(200) NOT NULL,
	"papel" varchar(20) NOT NULL,
	"imobiliaria_id" varchar(50) NOT NULL,
	"corretor_id" varchar(50),
	"ativo" boolean DEFAULT true NOT NULL,
	"criado_em" timestamp with time zone DEFAULT now() NOT NULL,
	"ultimo_login_em" timestamp with time zone,
	CONSTRAINT "usuarios_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "mensagens" (
	"id" varchar(50) PRIMARY KEY NOT NULL,
	"imobiliaria_id" varchar(50) NOT NULL,
	"corretor_id" varchar(50) NOT NULL,
	"lead_id" varchar(50),
	"evento_id" varchar(50),
	"evento_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tipo" varchar(20) NOT NULL,
	"destino" varchar(20) NOT NULL,
	"corpo" text NOT NULL,
	"template_sid" varchar(64),
	"template_variaveis" jsonb,
	"botoes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" varchar(20) NOT NULL,
	"provider_sid" varchar(64),
	"erro_codigo" varchar(20),
	"erro_mensagem" text,
	"tentativas" integer DEFAULT 0 NOT NULL,
	"idempotency_key" varchar(200) NOT NULL,
	"scheduled_for" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"criado_em" timestamp with time zone DEFAULT now() NOT NULL,
	"atualizado_em" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mensagens_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "entregas_webhook" (
	"id" varchar(50) PRIMARY KEY NOT NULL,
	"imobiliaria_id" varchar(50) NOT NULL,
	"portal" varchar(30) NOT NULL,
	"external_id" varchar(120) NOT NULL,
	"recebido_em" timestamp with time zone DEFAULT now() NOT NULL,
	"resultado" varchar(20) NOT NULL,
	"status_http" integer,
	"lead_id" varchar(50),
	"erro" text,
	"corpo" jsonb
);
--> statement-breakpoint
CREATE TABLE "integracoes" (
	"id" varchar(50) PRIMARY KEY NOT NULL,
	"imobiliaria_id" varchar(50) NOT NULL,
	"portal" varchar(30) NOT NULL,
	"identificador" varchar(200),
	"segredo_cifrado" text NOT NULL,
	"ativo" boolean DEFAULT true NOT NULL,
	"ultima_entrega_em" timestamp with time zone,
	"criado_em" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auditoria" (
	"id" serial PRIMARY KEY NOT NULL,
	"imobiliaria_id" varchar(50),
	"usuario_id" varchar(50),
	"acao" varchar(80) NOT NULL,
	"alvo_tipo" varchar(40),
	"alvo_id" varchar(50),
	"detalhes" jsonb,
	"criado_em" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "corretores" ADD CONSTRAINT "corretores_imobiliaria_id_imobiliarias_id_fk" FOREIGN KEY ("imobiliaria_id") REFERENCES "public"."imobiliarias"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imoveis" ADD CONSTRAINT "imoveis_imobiliaria_id_imobiliarias_id_fk" FOREIGN KEY ("imobiliaria_id") REFERENCES "public"."imobiliarias"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imoveis" ADD CONSTRAINT "imoveis_corretor_id_corretores_id_fk" FOREIGN KEY ("corretor_id") REFERENCES "public"."corretores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_corretor_id_corretores_id_fk" FOREIGN KEY ("corretor_id") REFERENCES "public"."corretores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_imobiliaria_id_imobiliarias_id_fk" FOREIGN KEY ("imobiliaria_id") REFERENCES "public"."imobiliarias"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_imovel_id_imoveis_id_fk" FOREIGN KEY ("imovel_id") REFERENCES "public"."imoveis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interacoes" ADD CONSTRAINT "interacoes_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eventos" ADD CONSTRAINT "eventos_corretor_id_corretores_id_fk" FOREIGN KEY ("corretor_id") REFERENCES "public"."corretores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eventos" ADD CONSTRAINT "eventos_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eventos" ADD CONSTRAINT "eventos_imobiliaria_id_imobiliarias_id_fk" FOREIGN KEY ("imobiliaria_id") REFERENCES "public"."imobiliarias"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usuarios" ADD CONSTRAINT "usuarios_imobiliaria_id_imobiliarias_id_fk" FOREIGN KEY ("imobiliaria_id") REFERENCES "public"."imobiliarias"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usuarios" ADD CONSTRAINT "usuarios_corretor_id_corretores_id_fk" FOREIGN KEY ("corretor_id") REFERENCES "public"."corretores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mensagens" ADD CONSTRAINT "mensagens_imobiliaria_id_imobiliarias_id_fk" FOREIGN KEY ("imobiliaria_id") REFERENCES "public"."imobiliarias"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mensagens" ADD CONSTRAINT "mensagens_corretor_id_corretores_id_fk" FOREIGN KEY ("corretor_id") REFERENCES "public"."corretores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mensagens" ADD CONSTRAINT "mensagens_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mensagens" ADD CONSTRAINT "mensagens_evento_id_eventos_id_fk" FOREIGN KEY ("evento_id") REFERENCES "public"."eventos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entregas_webhook" ADD CONSTRAINT "entregas_webhook_imobiliaria_id_imobiliarias_id_fk" FOREIGN KEY ("imobiliaria_id") REFERENCES "public"."imobiliarias"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entregas_webhook" ADD CONSTRAINT "entregas_webhook_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integracoes" ADD CONSTRAINT "integracoes_imobiliaria_id_imobiliarias_id_fk" FOREIGN KEY ("imobiliaria_id") REFERENCES "public"."imobiliarias"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_corretores_imobiliaria" ON "corretores" USING btree ("imobiliaria_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_imoveis_imobiliaria_codigo" ON "imoveis" USING btree ("imobiliaria_id","codigo");--> statement-breakpoint
CREATE INDEX "idx_imoveis_corretor" ON "imoveis" USING btree ("corretor_id");--> statement-breakpoint
CREATE INDEX "idx_leads_corretor" ON "leads" USING btree ("corretor_id");--> statement-breakpoint
CREATE INDEX "idx_leads_score" ON "leads" USING btree ("score" DESC);--> statement-breakpoint
CREATE INDEX "idx_leads_status" ON "leads" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_leads_imobiliaria_telefone" ON "leads" USING btree ("imobiliaria_id","telefone");--> statement-breakpoint
CREATE INDEX "idx_leads_imobiliaria_email" ON "leads" USING btree ("imobiliaria_id","email");--> statement-breakpoint
CREATE INDEX "idx_leads_imobiliaria_contato" ON "leads" USING btree ("imobiliaria_id","data_primeiro_contato");--> statement-breakpoint
CREATE INDEX "idx_interacoes_lead" ON "interacoes" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "idx_eventos_corretor" ON "eventos" USING btree ("corretor_id");--> statement-breakpoint
CREATE INDEX "idx_eventos_processado" ON "eventos" USING btree ("processado");--> statement-breakpoint
CREATE INDEX "idx_eventos_lead" ON "eventos" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "idx_mensagens_corretor_criado" ON "mensagens" USING btree ("corretor_id","criado_em");--> statement-breakpoint
CREATE INDEX "idx_mensagens_status_agenda" ON "mensagens" USING btree ("status","scheduled_for");--> statement-breakpoint
CREATE INDEX "idx_mensagens_provider_sid" ON "mensagens" USING btree ("provider_sid");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_entregas_portal_externo" ON "entregas_webhook" USING btree ("imobiliaria_id","portal","external_id");--> statement-breakpoint
CREATE INDEX "idx_entregas_recebido" ON "entregas_webhook" USING btree ("recebido_em");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_integracoes_imobiliaria_portal" ON "integracoes" USING btree ("imobiliaria_id","portal");--> statement-breakpoint
CREATE INDEX "idx_auditoria_imobiliaria_criado" ON "auditoria" USING btree ("imobiliaria_id","criado_em");