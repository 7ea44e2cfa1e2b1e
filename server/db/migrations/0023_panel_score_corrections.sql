CREATE TABLE "panel_score_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"score" numeric(7, 2) NOT NULL,
	"previous_score" numeric(7, 2) NOT NULL,
	"reason" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "panel_score_corrections" ADD CONSTRAINT "panel_score_corrections_component_id_panel_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."panel_components"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_score_corrections" ADD CONSTRAINT "panel_score_corrections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "panel_score_corrections_candidate_idx" ON "panel_score_corrections" USING btree ("component_id","application_id","created_at");