CREATE TABLE "panel_assessor_profiles" (
	"agency_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"institution" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panel_assessor_profiles_agency_id_account_id_pk" PRIMARY KEY("agency_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "panel_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"assessor_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"declared_at" timestamp with time zone,
	"conflict_reason" text,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"end_reason" text,
	"replaces" uuid,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_candidates" (
	"component_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"absent" boolean DEFAULT false NOT NULL,
	"absent_reason" text,
	"absent_marked_by" uuid,
	"absent_marked_at" timestamp with time zone,
	"scores_revision" integer DEFAULT 0 NOT NULL,
	"confirmed_revision" integer,
	"score" numeric(7, 2),
	"score_exact" text,
	CONSTRAINT "panel_candidates_component_id_application_id_pk" PRIMARY KEY("component_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "panel_components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"stage_key" text NOT NULL,
	"component_key" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"levels" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_moderations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"action" text NOT NULL,
	"assignment_id" uuid,
	"reason" text NOT NULL,
	"spread" numeric(7, 2),
	"actor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_scores" (
	"assignment_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"assessor_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submissions" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "panel_assessor_profiles" ADD CONSTRAINT "panel_assessor_profiles_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_assessor_profiles" ADD CONSTRAINT "panel_assessor_profiles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_assignments" ADD CONSTRAINT "panel_assignments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_assignments" ADD CONSTRAINT "panel_assignments_component_id_panel_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."panel_components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_assignments" ADD CONSTRAINT "panel_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_assignments" ADD CONSTRAINT "panel_assignments_assessor_id_accounts_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_candidates" ADD CONSTRAINT "panel_candidates_component_id_panel_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."panel_components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_candidates" ADD CONSTRAINT "panel_candidates_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_components" ADD CONSTRAINT "panel_components_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_components" ADD CONSTRAINT "panel_components_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_moderations" ADD CONSTRAINT "panel_moderations_component_id_panel_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."panel_components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_scores" ADD CONSTRAINT "panel_scores_assignment_id_panel_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."panel_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_scores" ADD CONSTRAINT "panel_scores_component_id_panel_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."panel_components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "panel_assignments_active_key" ON "panel_assignments" USING btree ("component_id","application_id","assessor_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "panel_assignments_assessor_idx" ON "panel_assignments" USING btree ("assessor_id","agency_id","status");--> statement-breakpoint
CREATE INDEX "panel_assignments_candidate_idx" ON "panel_assignments" USING btree ("component_id","application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "panel_components_key" ON "panel_components" USING btree ("selection_id","stage_key","component_key");--> statement-breakpoint
CREATE INDEX "panel_components_agency_idx" ON "panel_components" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "panel_moderations_candidate_idx" ON "panel_moderations" USING btree ("component_id","application_id","created_at");--> statement-breakpoint
CREATE INDEX "panel_scores_candidate_idx" ON "panel_scores" USING btree ("component_id","application_id");