CREATE TABLE "asn_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"selection_id" uuid,
	"answers" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"enrolment_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"status" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_enrolment_id_meeting_id_pk" PRIMARY KEY("enrolment_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"session_id" uuid,
	"employee_id" uuid,
	"application_id" uuid,
	"account_id" uuid,
	"participant_name" text NOT NULL,
	"method" text NOT NULL,
	"status" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"decision_note" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"pre_test" numeric(5, 2),
	"post_test" numeric(5, 2),
	"attendance_percent" numeric(5, 2),
	"outcome_note" text DEFAULT '' NOT NULL,
	"completed_at" timestamp with time zone,
	"certificate_number" text,
	"certificate_issued_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"topic" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT 'employee' NOT NULL,
	"competencies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hours" integer DEFAULT 0 NOT NULL,
	"min_attendance_percent" numeric(5, 2) NOT NULL,
	"min_post_test" numeric(5, 2),
	"is_basic" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_reactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"trainer_account_id" uuid,
	"venue" text DEFAULT '' NOT NULL,
	"online_url" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "asn_feedback" ADD CONSTRAINT "asn_feedback_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asn_feedback" ADD CONSTRAINT "asn_feedback_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asn_feedback" ADD CONSTRAINT "asn_feedback_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_meeting_id_training_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."training_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_meetings" ADD CONSTRAINT "training_meetings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_meetings" ADD CONSTRAINT "training_meetings_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_programmes" ADD CONSTRAINT "training_programmes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_reactions" ADD CONSTRAINT "training_reactions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_reactions" ADD CONSTRAINT "training_reactions_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_trainer_account_id_accounts_id_fk" FOREIGN KEY ("trainer_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "asn_feedback_employee_stage_key" ON "asn_feedback" USING btree ("employee_id","stage");--> statement-breakpoint
CREATE INDEX "asn_feedback_selection_idx" ON "asn_feedback" USING btree ("selection_id","stage");--> statement-breakpoint
CREATE INDEX "training_attendance_meeting_idx" ON "training_attendance" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_open_employee_key" ON "training_enrolments" USING btree ("programme_id","employee_id") WHERE "training_enrolments"."employee_id" is not null and "training_enrolments"."status" in ('requested', 'waiting', 'enrolled');--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_open_application_key" ON "training_enrolments" USING btree ("programme_id","application_id") WHERE "training_enrolments"."application_id" is not null and "training_enrolments"."status" in ('requested', 'waiting', 'enrolled');--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_certificate_key" ON "training_enrolments" USING btree ("certificate_number");--> statement-breakpoint
CREATE INDEX "training_enrolments_session_idx" ON "training_enrolments" USING btree ("session_id","status");--> statement-breakpoint
CREATE INDEX "training_enrolments_agency_idx" ON "training_enrolments" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "training_enrolments_employee_idx" ON "training_enrolments" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_account_idx" ON "training_enrolments" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "training_meetings_session_idx" ON "training_meetings" USING btree ("session_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_programmes_agency_code_key" ON "training_programmes" USING btree ("agency_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "training_reactions_enrolment_key" ON "training_reactions" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "training_reactions_programme_idx" ON "training_reactions" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "training_sessions_programme_idx" ON "training_sessions" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "training_sessions_agency_idx" ON "training_sessions" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "training_sessions_trainer_idx" ON "training_sessions" USING btree ("trainer_account_id");