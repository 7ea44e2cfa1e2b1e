CREATE TABLE "evaluation_desk_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"employee_id" uuid,
	"score" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"fingerprint" text NOT NULL,
	"day" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_desk_feedback_score_check" CHECK ("evaluation_desk_feedback"."score" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "evaluation_desk_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"employee_id" uuid,
	"label" text NOT NULL,
	"code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"target" numeric(14, 2) NOT NULL,
	"unit" text NOT NULL,
	"realised" numeric(14, 2),
	"realisation_note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"author_account_id" uuid,
	"author_name" text NOT NULL,
	"author_role" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_peer_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"author_employee_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"behaviours" jsonb NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"organisation_rating" text,
	"bounds" jsonb NOT NULL,
	"public_threshold" numeric(5, 2) NOT NULL,
	"public_min_responses" integer NOT NULL,
	"finalised_at" timestamp with time zone,
	"finalised_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"rating" text
);
--> statement-breakpoint
CREATE TABLE "evaluation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_note" text,
	"submitted_at" timestamp with time zone,
	"agreed_at" timestamp with time zone,
	"agreed_by" uuid,
	"results_rating" text,
	"results_suggested" text,
	"behaviours" jsonb,
	"behaviour_rating" text,
	"behaviour_suggested" text,
	"predikat" text,
	"rating_note" text DEFAULT '' NOT NULL,
	"rated_by" uuid,
	"rater_name" text,
	"rated_at" timestamp with time zone,
	"rating_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"source" text NOT NULL,
	"competency" text NOT NULL,
	"reason" text NOT NULL,
	"programme_id" uuid,
	"enrolment_id" uuid,
	"state" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_desk_feedback" ADD CONSTRAINT "evaluation_desk_feedback_link_id_evaluation_desk_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."evaluation_desk_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_desk_links" ADD CONSTRAINT "evaluation_desk_links_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_desk_links" ADD CONSTRAINT "evaluation_desk_links_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_desk_links" ADD CONSTRAINT "evaluation_desk_links_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_evidence" ADD CONSTRAINT "evaluation_evidence_plan_id_evaluation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."evaluation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_evidence" ADD CONSTRAINT "evaluation_evidence_item_id_evaluation_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."evaluation_plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_evidence" ADD CONSTRAINT "evaluation_evidence_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_indicators" ADD CONSTRAINT "evaluation_indicators_plan_id_evaluation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."evaluation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_indicators" ADD CONSTRAINT "evaluation_indicators_item_id_evaluation_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."evaluation_plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_notes" ADD CONSTRAINT "evaluation_notes_plan_id_evaluation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."evaluation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_peer_feedback" ADD CONSTRAINT "evaluation_peer_feedback_plan_id_evaluation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."evaluation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_peer_feedback" ADD CONSTRAINT "evaluation_peer_feedback_author_employee_id_employees_id_fk" FOREIGN KEY ("author_employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_periods" ADD CONSTRAINT "evaluation_periods_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_plan_items" ADD CONSTRAINT "evaluation_plan_items_plan_id_evaluation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."evaluation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_plans" ADD CONSTRAINT "evaluation_plans_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_plans" ADD CONSTRAINT "evaluation_plans_period_id_evaluation_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."evaluation_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_plans" ADD CONSTRAINT "evaluation_plans_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_recommendations" ADD CONSTRAINT "evaluation_recommendations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_recommendations" ADD CONSTRAINT "evaluation_recommendations_period_id_evaluation_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."evaluation_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_recommendations" ADD CONSTRAINT "evaluation_recommendations_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_recommendations" ADD CONSTRAINT "evaluation_recommendations_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_recommendations" ADD CONSTRAINT "evaluation_recommendations_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_desk_feedback_unit_idx" ON "evaluation_desk_feedback" USING btree ("agency_id","unit_id","day");--> statement-breakpoint
CREATE INDEX "evaluation_desk_feedback_employee_idx" ON "evaluation_desk_feedback" USING btree ("employee_id","day");--> statement-breakpoint
CREATE INDEX "evaluation_desk_feedback_fingerprint_idx" ON "evaluation_desk_feedback" USING btree ("link_id","fingerprint","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_desk_links_code_key" ON "evaluation_desk_links" USING btree ("code");--> statement-breakpoint
CREATE INDEX "evaluation_desk_links_agency_idx" ON "evaluation_desk_links" USING btree ("agency_id","unit_id");--> statement-breakpoint
CREATE INDEX "evaluation_evidence_plan_idx" ON "evaluation_evidence" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "evaluation_indicators_item_idx" ON "evaluation_indicators" USING btree ("item_id","position");--> statement-breakpoint
CREATE INDEX "evaluation_indicators_plan_idx" ON "evaluation_indicators" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "evaluation_notes_plan_idx" ON "evaluation_notes" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_peer_feedback_author_key" ON "evaluation_peer_feedback" USING btree ("plan_id","author_employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_periods_agency_name_key" ON "evaluation_periods" USING btree ("agency_id","name");--> statement-breakpoint
CREATE INDEX "evaluation_periods_agency_end_idx" ON "evaluation_periods" USING btree ("agency_id","ends_on");--> statement-breakpoint
CREATE INDEX "evaluation_plan_items_plan_idx" ON "evaluation_plan_items" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_plans_period_employee_key" ON "evaluation_plans" USING btree ("period_id","employee_id");--> statement-breakpoint
CREATE INDEX "evaluation_plans_employee_idx" ON "evaluation_plans" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "evaluation_plans_agency_idx" ON "evaluation_plans" USING btree ("agency_id","period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_recommendations_key" ON "evaluation_recommendations" USING btree ("period_id","employee_id","source");--> statement-breakpoint
CREATE INDEX "evaluation_recommendations_agency_idx" ON "evaluation_recommendations" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "evaluation_recommendations_employee_idx" ON "evaluation_recommendations" USING btree ("employee_id");