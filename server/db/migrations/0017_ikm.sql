CREATE TABLE "ikm_improvement_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"element" integer NOT NULL,
	"action" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress_note" text DEFAULT '' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ikm_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"announcement_id" uuid NOT NULL,
	"result_hash" text NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ikm_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survey_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"u1" smallint NOT NULL,
	"u2" smallint NOT NULL,
	"u3" smallint NOT NULL,
	"u4" smallint NOT NULL,
	"u5" smallint NOT NULL,
	"u6" smallint NOT NULL,
	"u7" smallint NOT NULL,
	"u8" smallint NOT NULL,
	"u9" smallint NOT NULL,
	"age_group" text NOT NULL,
	"sex" text NOT NULL,
	"education" text NOT NULL,
	"occupation" text NOT NULL,
	"suggestion" text,
	"fingerprint" text NOT NULL,
	"day" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ikm_responses_answers_check" CHECK ("ikm_responses"."u1" between 1 and 4 and "ikm_responses"."u2" between 1 and 4 and "ikm_responses"."u3" between 1 and 4 and "ikm_responses"."u4" between 1 and 4 and "ikm_responses"."u5" between 1 and 4 and "ikm_responses"."u6" between 1 and 4 and "ikm_responses"."u7" between 1 and 4 and "ikm_responses"."u8" between 1 and 4 and "ikm_responses"."u9" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "ikm_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"service_name" text NOT NULL,
	"period_year" integer NOT NULL,
	"period_kind" text NOT NULL,
	"period_number" integer NOT NULL,
	"period_key" text NOT NULL,
	"period_start" date NOT NULL,
	"population" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ikm_surveys_population_check" CHECK ("ikm_surveys"."population" > 0)
);
--> statement-breakpoint
ALTER TABLE "ikm_improvement_plans" ADD CONSTRAINT "ikm_improvement_plans_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikm_improvement_plans" ADD CONSTRAINT "ikm_improvement_plans_survey_id_ikm_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."ikm_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikm_reports" ADD CONSTRAINT "ikm_reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikm_reports" ADD CONSTRAINT "ikm_reports_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikm_responses" ADD CONSTRAINT "ikm_responses_survey_id_ikm_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."ikm_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikm_surveys" ADD CONSTRAINT "ikm_surveys_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ikm_surveys" ADD CONSTRAINT "ikm_surveys_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ikm_improvement_plans_survey_idx" ON "ikm_improvement_plans" USING btree ("survey_id","element");--> statement-breakpoint
CREATE INDEX "ikm_improvement_plans_agency_idx" ON "ikm_improvement_plans" USING btree ("agency_id","status","due_date");--> statement-breakpoint
CREATE INDEX "ikm_reports_agency_period_idx" ON "ikm_reports" USING btree ("agency_id","period_key","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ikm_responses_duplicate_key" ON "ikm_responses" USING btree ("survey_id","day","fingerprint");--> statement-breakpoint
CREATE UNIQUE INDEX "ikm_surveys_unit_period_key" ON "ikm_surveys" USING btree ("unit_id","period_key");--> statement-breakpoint
CREATE INDEX "ikm_surveys_agency_period_idx" ON "ikm_surveys" USING btree ("agency_id","period_key");