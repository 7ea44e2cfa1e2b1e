CREATE TABLE "aspiration_counters" (
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "aspiration_counters_agency_id_year_pk" PRIMARY KEY("agency_id","year")
);
--> statement-breakpoint
CREATE TABLE "aspiration_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aspiration_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"public" boolean NOT NULL,
	"message" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aspiration_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aspiration_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aspiration_settings" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"sla_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aspirations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"source" text DEFAULT 'publik' NOT NULL,
	"forum_id" uuid,
	"category" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"reporter_name" text,
	"reporter_email" text,
	"reporter_phone" text,
	"tracking_hash" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"unit_id" uuid,
	"answer" text,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_forums" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"title" text NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"venue" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"minutes" text,
	"attendees" integer,
	"minutes_recorded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_followups" (
	"forum_id" uuid NOT NULL,
	"aspiration_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_followups_forum_id_aspiration_id_pk" PRIMARY KEY("forum_id","aspiration_id")
);
--> statement-breakpoint
ALTER TABLE "aspiration_counters" ADD CONSTRAINT "aspiration_counters_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aspiration_events" ADD CONSTRAINT "aspiration_events_aspiration_id_aspirations_id_fk" FOREIGN KEY ("aspiration_id") REFERENCES "public"."aspirations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aspiration_files" ADD CONSTRAINT "aspiration_files_aspiration_id_aspirations_id_fk" FOREIGN KEY ("aspiration_id") REFERENCES "public"."aspirations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aspiration_files" ADD CONSTRAINT "aspiration_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aspiration_settings" ADD CONSTRAINT "aspiration_settings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aspirations" ADD CONSTRAINT "aspirations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aspirations" ADD CONSTRAINT "aspirations_forum_id_community_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."community_forums"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aspirations" ADD CONSTRAINT "aspirations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_forums" ADD CONSTRAINT "community_forums_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_followups" ADD CONSTRAINT "forum_followups_forum_id_community_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."community_forums"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_followups" ADD CONSTRAINT "forum_followups_aspiration_id_aspirations_id_fk" FOREIGN KEY ("aspiration_id") REFERENCES "public"."aspirations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aspiration_events_aspiration_idx" ON "aspiration_events" USING btree ("aspiration_id","created_at");--> statement-breakpoint
CREATE INDEX "aspiration_files_aspiration_idx" ON "aspiration_files" USING btree ("aspiration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aspirations_tracking_key" ON "aspirations" USING btree ("tracking_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "aspirations_reference_key" ON "aspirations" USING btree ("agency_id","reference");--> statement-breakpoint
CREATE INDEX "aspirations_agency_status_idx" ON "aspirations" USING btree ("agency_id","status","due_at");--> statement-breakpoint
CREATE INDEX "aspirations_agency_created_idx" ON "aspirations" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "aspirations_forum_idx" ON "aspirations" USING btree ("forum_id");--> statement-breakpoint
CREATE INDEX "community_forums_agency_idx" ON "community_forums" USING btree ("agency_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "forum_followups_aspiration_idx" ON "forum_followups" USING btree ("aspiration_id");