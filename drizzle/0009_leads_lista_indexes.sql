-- /leads pages newest-received first by keyset (receipt time, then id): one index range per page for the
-- whole agency, one broker (a corretor's own list, a manager's broker filter) or one status. The query
-- orders by exactly these columns and null placements, or Postgres would sort instead.
CREATE INDEX "idx_leads_imobiliaria_recebido" ON "leads" USING btree ("imobiliaria_id","data_primeiro_contato" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_leads_imobiliaria_corretor_recebido" ON "leads" USING btree ("imobiliaria_id","corretor_id","data_primeiro_contato" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idx_leads_imobiliaria_status_recebido" ON "leads" USING btree ("imobiliaria_id","status","data_primeiro_contato" DESC NULLS LAST,"id" DESC NULLS LAST);