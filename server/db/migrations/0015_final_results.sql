CREATE TABLE "final_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"stage_result_id" uuid NOT NULL,
	"item" text NOT NULL,
	"claimed_value" jsonb NOT NULL,
	"published_value" jsonb,
	"recorded_value" jsonb,
	"reason" text NOT NULL,
	"status" text DEFAULT 'diajukan' NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "final_rankings" (
	"stage_result_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"list" text NOT NULL,
	"basis" jsonb NOT NULL,
	"counts" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "final_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stage_result_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"formasi_id" uuid NOT NULL,
	"formasi_label" text NOT NULL,
	"registration_number" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"rank" integer,
	"status" text NOT NULL,
	"final_units" bigint,
	"scores" jsonb NOT NULL,
	"skd_total" integer,
	"twk" integer,
	"tiu" integer,
	"tkp" integer,
	"ipk" double precision,
	"birth_date" text,
	"decided_by_above" text,
	"decided_by_below" text,
	"letter_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "optimisation_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"from_formasi_id" uuid NOT NULL,
	"formasi_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"offered_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "optimisations" (
	"selection_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"offer_days" integer NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_disqualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "final_objections" ADD CONSTRAINT "final_objections_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_objections" ADD CONSTRAINT "final_objections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_objections" ADD CONSTRAINT "final_objections_stage_result_id_stage_results_id_fk" FOREIGN KEY ("stage_result_id") REFERENCES "public"."stage_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_rankings" ADD CONSTRAINT "final_rankings_stage_result_id_stage_results_id_fk" FOREIGN KEY ("stage_result_id") REFERENCES "public"."stage_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_rankings" ADD CONSTRAINT "final_rankings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_rankings" ADD CONSTRAINT "final_rankings_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_results" ADD CONSTRAINT "final_results_stage_result_id_stage_results_id_fk" FOREIGN KEY ("stage_result_id") REFERENCES "public"."stage_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_results" ADD CONSTRAINT "final_results_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimisation_offers" ADD CONSTRAINT "optimisation_offers_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimisation_offers" ADD CONSTRAINT "optimisation_offers_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimisation_offers" ADD CONSTRAINT "optimisation_offers_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimisations" ADD CONSTRAINT "optimisations_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimisations" ADD CONSTRAINT "optimisations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_disqualifications" ADD CONSTRAINT "result_disqualifications_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_disqualifications" ADD CONSTRAINT "result_disqualifications_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_disqualifications" ADD CONSTRAINT "result_disqualifications_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "final_objections_once_key" ON "final_objections" USING btree ("application_id","stage_result_id");--> statement-breakpoint
CREATE INDEX "final_objections_agency_idx" ON "final_objections" USING btree ("agency_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "final_rankings_list_key" ON "final_rankings" USING btree ("selection_id","list");--> statement-breakpoint
CREATE UNIQUE INDEX "final_results_line_key" ON "final_results" USING btree ("stage_result_id","application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "final_results_letter_key" ON "final_results" USING btree ("letter_code");--> statement-breakpoint
CREATE INDEX "final_results_list_idx" ON "final_results" USING btree ("stage_result_id","formasi_id","position");--> statement-breakpoint
CREATE INDEX "final_results_application_idx" ON "final_results" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "optimisation_offers_once_key" ON "optimisation_offers" USING btree ("selection_id","application_id");--> statement-breakpoint
CREATE INDEX "optimisation_offers_status_idx" ON "optimisation_offers" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "optimisation_offers_account_idx" ON "optimisation_offers" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_disqualifications_key" ON "result_disqualifications" USING btree ("selection_id","application_id");