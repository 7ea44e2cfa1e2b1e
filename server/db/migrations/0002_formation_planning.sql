CREATE TABLE "position_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"name" text NOT NULL,
	"output_unit" text DEFAULT '' NOT NULL,
	"volume_per_year" numeric(14, 2) NOT NULL,
	"norm_minutes" numeric(10, 2) NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"jenis" text DEFAULT 'pelaksana' NOT NULL,
	"bezetting" integer DEFAULT 0 NOT NULL,
	"retiring" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"mime" text NOT NULL,
	"original_name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"type" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"schedule" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"registration_opens_at" timestamp with time zone,
	"registration_closes_at" timestamp with time zone,
	"required_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pipeline" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "formasi" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"position_id" uuid,
	"unit_id" uuid,
	"position_name" text NOT NULL,
	"unit_name" text NOT NULL,
	"count" integer NOT NULL,
	"qualifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"education_levels" text[] DEFAULT '{}'::text[] NOT NULL,
	"programmes" text[] DEFAULT '{}'::text[] NOT NULL,
	"kind" text DEFAULT 'umum' NOT NULL,
	"min_age" integer DEFAULT 18 NOT NULL,
	"max_age" integer DEFAULT 35 NOT NULL,
	"extra_requirements" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"abk_source" jsonb,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "announcement_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"announcement_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid,
	"kind" text DEFAULT 'umum' NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"supersedes_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'seminar' NOT NULL,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"online_url" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"registration_closes_at" timestamp with time zone,
	"capacity" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"audience" text NOT NULL,
	"institution" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"seq" bigint NOT NULL,
	"checkin_token" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"promoted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "abk_effective_minutes" integer DEFAULT 75000 NOT NULL;--> statement-breakpoint
ALTER TABLE "position_tasks" ADD CONSTRAINT "position_tasks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_tasks" ADD CONSTRAINT "position_tasks_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formasi" ADD CONSTRAINT "formasi_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formasi" ADD CONSTRAINT "formasi_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formasi" ADD CONSTRAINT "formasi_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formasi" ADD CONSTRAINT "formasi_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_files" ADD CONSTRAINT "announcement_files_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_files" ADD CONSTRAINT "announcement_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_materials" ADD CONSTRAINT "outreach_materials_event_id_outreach_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."outreach_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_materials" ADD CONSTRAINT "outreach_materials_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_registrations" ADD CONSTRAINT "outreach_registrations_event_id_outreach_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."outreach_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "position_tasks_position_idx" ON "position_tasks" USING btree ("position_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "positions_unit_code_key" ON "positions" USING btree ("unit_id","code");--> statement-breakpoint
CREATE INDEX "positions_agency_idx" ON "positions" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_agency_code_key" ON "units" USING btree ("agency_id","code");--> statement-breakpoint
CREATE INDEX "files_sha256_idx" ON "files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "files_agency_idx" ON "files" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "selections_agency_idx" ON "selections" USING btree ("agency_id","year");--> statement-breakpoint
CREATE INDEX "selections_public_idx" ON "selections" USING btree ("status","registration_closes_at");--> statement-breakpoint
CREATE INDEX "formasi_selection_idx" ON "formasi" USING btree ("selection_id","status");--> statement-breakpoint
CREATE INDEX "formasi_agency_idx" ON "formasi" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "formasi_levels_idx" ON "formasi" USING gin ("education_levels");--> statement-breakpoint
CREATE INDEX "formasi_programmes_idx" ON "formasi" USING gin ("programmes");--> statement-breakpoint
CREATE INDEX "formasi_search_idx" ON "formasi" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
CREATE INDEX "announcement_files_sha_idx" ON "announcement_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "announcement_files_announcement_idx" ON "announcement_files" USING btree ("announcement_id");--> statement-breakpoint
CREATE INDEX "announcements_public_idx" ON "announcements" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "announcements_agency_idx" ON "announcements" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "announcements_selection_idx" ON "announcements" USING btree ("selection_id");--> statement-breakpoint
CREATE INDEX "outreach_events_public_idx" ON "outreach_events" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "outreach_events_agency_idx" ON "outreach_events" USING btree ("agency_id","starts_at");--> statement-breakpoint
CREATE INDEX "outreach_materials_event_idx" ON "outreach_materials" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_registrations_email_key" ON "outreach_registrations" USING btree ("event_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_registrations_token_key" ON "outreach_registrations" USING btree ("checkin_token");--> statement-breakpoint
CREATE INDEX "outreach_registrations_event_idx" ON "outreach_registrations" USING btree ("event_id","status","seq");