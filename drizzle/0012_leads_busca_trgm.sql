CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "idx_leads_nome_trgm" ON "leads" USING gin (translate(lower("nome"), 'áàâãäéèêëíìîïóòôõöúùûüçñ', 'aaaaaeeeeiiiiooooouuuucn') gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "idx_leads_email_trgm" ON "leads" USING gin ("email" gin_trgm_ops);