CREATE TABLE "applicant_profiles" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"nik" text NOT NULL,
	"name" text NOT NULL,
	"birth_place" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"address" text NOT NULL,
	"phone" text NOT NULL,
	"education" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"disability" text DEFAULT '' NOT NULL,
	"claims" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"requirement_key" text NOT NULL,
	"file_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"formasi_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"nik" text,
	"selection_type" text NOT NULL,
	"selection_year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"registration_number" text,
	"profile_snapshot" jsonb,
	"applicant_name" text,
	"birth_date" text,
	"phone" text,
	"email" text,
	"submitted_at" timestamp with time zone,
	"assigned_verifier_id" uuid,
	"claimed_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"requirement_key" text NOT NULL,
	"result" text NOT NULL,
	"reason_code" text,
	"reason_text" text DEFAULT '' NOT NULL,
	"verifier_id" uuid NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_reasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanggah" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"stage_result_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"requirement_keys" text[] NOT NULL,
	"status" text DEFAULT 'diajukan' NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"announcement_id" uuid,
	"result_hash" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"objection_opens_at" timestamp with time zone,
	"objection_closes_at" timestamp with time zone,
	"published_by" uuid
);
--> statement-breakpoint
ALTER TABLE "applicant_profiles" ADD CONSTRAINT "applicant_profiles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_formasi_id_formasi_id_fk" FOREIGN KEY ("formasi_id") REFERENCES "public"."formasi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_checks" ADD CONSTRAINT "verification_checks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_reasons" ADD CONSTRAINT "verification_reasons_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanggah" ADD CONSTRAINT "sanggah_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanggah" ADD CONSTRAINT "sanggah_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanggah" ADD CONSTRAINT "sanggah_stage_result_id_stage_results_id_fk" FOREIGN KEY ("stage_result_id") REFERENCES "public"."stage_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_results" ADD CONSTRAINT "stage_results_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_results" ADD CONSTRAINT "stage_results_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_results" ADD CONSTRAINT "stage_results_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applicant_profiles_nik_key" ON "applicant_profiles" USING btree ("nik");--> statement-breakpoint
CREATE UNIQUE INDEX "application_documents_key" ON "application_documents" USING btree ("application_id","requirement_key");--> statement-breakpoint
CREATE INDEX "application_documents_sha_idx" ON "application_documents" USING btree ("agency_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_account_selection_key" ON "applications" USING btree ("account_id","selection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_nik_type_year_key" ON "applications" USING btree ("nik","selection_type","selection_year") WHERE status <> 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "applications_registration_number_key" ON "applications" USING btree ("registration_number");--> statement-breakpoint
CREATE INDEX "applications_queue_idx" ON "applications" USING btree ("agency_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_selection_idx" ON "applications" USING btree ("selection_id","formasi_id","status");--> statement-breakpoint
CREATE INDEX "applications_verifier_idx" ON "applications" USING btree ("assigned_verifier_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_checks_key" ON "verification_checks" USING btree ("application_id","requirement_key");--> statement-breakpoint
CREATE INDEX "verification_checks_agency_idx" ON "verification_checks" USING btree ("agency_id","verifier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_reasons_code_key" ON "verification_reasons" USING btree ("agency_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "sanggah_once_key" ON "sanggah" USING btree ("application_id","stage_result_id");--> statement-breakpoint
CREATE INDEX "sanggah_agency_idx" ON "sanggah" USING btree ("agency_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stage_results_key" ON "stage_results" USING btree ("selection_id","stage");