-- The intake's "same person within 90 days" lookup (agency + phone or e-mail, newest first) gets an
-- index that answers it in one range, so no plan can fall back to walking the agency's leads by date
-- (what cached generic plans did on tables without statistics). Created before the old ones go.
CREATE INDEX "idx_leads_imobiliaria_telefone_contato" ON "leads" USING btree ("imobiliaria_id","telefone","data_primeiro_contato");--> statement-breakpoint
CREATE INDEX "idx_leads_imobiliaria_email_contato" ON "leads" USING btree ("imobiliaria_id","email","data_primeiro_contato");--> statement-breakpoint
DROP INDEX "idx_leads_imobiliaria_telefone";--> statement-breakpoint
DROP INDEX "idx_leads_imobiliaria_email";
