CREATE TABLE "cat_session_pin_failures" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cat_venue_choices" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"venue_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cat_session_pin_failures" ADD CONSTRAINT "cat_session_pin_failures_session_id_cat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."cat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_venue_choices" ADD CONSTRAINT "cat_venue_choices_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_venue_choices" ADD CONSTRAINT "cat_venue_choices_venue_id_cat_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."cat_venues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cat_venue_choices_selection_idx" ON "cat_venue_choices" USING btree ("selection_id","venue_id");