CREATE INDEX "applications_dup_birth_idx" ON "applications" USING btree ("selection_id","birth_date");--> statement-breakpoint
CREATE INDEX "applications_dup_phone_idx" ON "applications" USING btree ("selection_id","phone");--> statement-breakpoint
CREATE INDEX "applications_dup_email_idx" ON "applications" USING btree ("selection_id","email");