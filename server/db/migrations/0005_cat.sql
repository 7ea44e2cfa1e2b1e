CREATE TABLE "cat_answers" (
	"attempt_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"option_id" text,
	"flagged" boolean DEFAULT false NOT NULL,
	"seq" integer NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cat_answers_attempt_id_question_id_pk" PRIMARY KEY("attempt_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "cat_attempt_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"attempt_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cat_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"blueprint_id" uuid NOT NULL,
	"session_id" uuid,
	"application_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"formasi_id" uuid NOT NULL,
	"formasi_kind" text NOT NULL,
	"seat" integer,
	"status" text DEFAULT 'allocated' NOT NULL,
	"need" text,
	"duration_seconds" integer NOT NULL,
	"extra_seconds" integer DEFAULT 0 NOT NULL,
	"identity_confirmed_at" timestamp with time zone,
	"identity_confirmed_by" uuid,
	"started_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"finished_by" text,
	"device_token_hash" text,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cat_banks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cat_blueprints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"stage_key" text NOT NULL,
	"name" text NOT NULL,
	"preset" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"extra_minutes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"pass_rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cat_paper_items" (
	"attempt_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"option_order" text[] NOT NULL,
	CONSTRAINT "cat_paper_items_attempt_id_question_id_pk" PRIMARY KEY("attempt_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "cat_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bank_id" uuid NOT NULL,
	"agency_id" uuid,
	"subtest" text NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"stem" text NOT NULL,
	"image_file_id" uuid,
	"options" jsonb NOT NULL,
	"key_option_id" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"reviewed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cat_results" (
	"attempt_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"blueprint_id" uuid NOT NULL,
	"session_id" uuid,
	"formasi_id" uuid NOT NULL,
	"registration_number" text NOT NULL,
	"participant_name" text NOT NULL,
	"scores" jsonb NOT NULL,
	"total" integer NOT NULL,
	"passed" boolean NOT NULL,
	"pass_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answer_sheet_hash" text NOT NULL,
	"result_hash" text NOT NULL,
	"original" jsonb,
	"scored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cat_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"venue_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"seats" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cat_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"selection_id" uuid NOT NULL,
	"blueprint_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"pin_hash" text,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cat_venues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cat_answers" ADD CONSTRAINT "cat_answers_attempt_id_cat_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."cat_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_attempt_events" ADD CONSTRAINT "cat_attempt_events_attempt_id_cat_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."cat_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_attempts" ADD CONSTRAINT "cat_attempts_blueprint_id_cat_blueprints_id_fk" FOREIGN KEY ("blueprint_id") REFERENCES "public"."cat_blueprints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_attempts" ADD CONSTRAINT "cat_attempts_session_id_cat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."cat_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_attempts" ADD CONSTRAINT "cat_attempts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_banks" ADD CONSTRAINT "cat_banks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_blueprints" ADD CONSTRAINT "cat_blueprints_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_blueprints" ADD CONSTRAINT "cat_blueprints_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_paper_items" ADD CONSTRAINT "cat_paper_items_attempt_id_cat_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."cat_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_questions" ADD CONSTRAINT "cat_questions_bank_id_cat_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."cat_banks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_results" ADD CONSTRAINT "cat_results_attempt_id_cat_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."cat_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_rooms" ADD CONSTRAINT "cat_rooms_venue_id_cat_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."cat_venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_sessions" ADD CONSTRAINT "cat_sessions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_sessions" ADD CONSTRAINT "cat_sessions_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_sessions" ADD CONSTRAINT "cat_sessions_blueprint_id_cat_blueprints_id_fk" FOREIGN KEY ("blueprint_id") REFERENCES "public"."cat_blueprints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_sessions" ADD CONSTRAINT "cat_sessions_room_id_cat_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."cat_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cat_venues" ADD CONSTRAINT "cat_venues_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cat_attempt_events_attempt_idx" ON "cat_attempt_events" USING btree ("attempt_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "cat_attempts_application_key" ON "cat_attempts" USING btree ("application_id","blueprint_id");--> statement-breakpoint
CREATE INDEX "cat_attempts_session_idx" ON "cat_attempts" USING btree ("session_id","status");--> statement-breakpoint
CREATE INDEX "cat_attempts_account_idx" ON "cat_attempts" USING btree ("account_id","status");--> statement-breakpoint
CREATE INDEX "cat_attempts_due_idx" ON "cat_attempts" USING btree ("status","ends_at");--> statement-breakpoint
CREATE INDEX "cat_banks_agency_idx" ON "cat_banks" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cat_blueprints_stage_key" ON "cat_blueprints" USING btree ("selection_id","stage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "cat_paper_items_position_key" ON "cat_paper_items" USING btree ("attempt_id","position");--> statement-breakpoint
CREATE INDEX "cat_questions_bank_idx" ON "cat_questions" USING btree ("bank_id","subtest","topic","status");--> statement-breakpoint
CREATE INDEX "cat_results_session_idx" ON "cat_results" USING btree ("session_id","scored_at");--> statement-breakpoint
CREATE INDEX "cat_results_selection_idx" ON "cat_results" USING btree ("selection_id","formasi_id");--> statement-breakpoint
CREATE INDEX "cat_rooms_venue_idx" ON "cat_rooms" USING btree ("venue_id");--> statement-breakpoint
CREATE INDEX "cat_sessions_selection_idx" ON "cat_sessions" USING btree ("selection_id","starts_at");--> statement-breakpoint
CREATE INDEX "cat_sessions_room_idx" ON "cat_sessions" USING btree ("room_id","starts_at");