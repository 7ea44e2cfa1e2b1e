CREATE TABLE "employees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"account_id" uuid,
	"nip" text,
	"name" text NOT NULL,
	"employment_type" text NOT NULL,
	"status" text NOT NULL,
	"unit_id" uuid,
	"position_id" uuid,
	"appointed_at" date NOT NULL,
	"probation_ends_at" date,
	"confirmed_at" date,
	"ended_at" date,
	"end_reason" text,
	"supervisor_employee_id" uuid,
	"source" text NOT NULL,
	"selection_id" uuid,
	"application_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_supervisor_employee_id_employees_id_fk" FOREIGN KEY ("supervisor_employee_id") REFERENCES "public"."employees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employees_agency_nip_key" ON "employees" USING btree ("agency_id","nip") WHERE "employees"."nip" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "employees_agency_account_key" ON "employees" USING btree ("agency_id","account_id") WHERE "employees"."account_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "employees_application_key" ON "employees" USING btree ("application_id") WHERE "employees"."application_id" is not null;--> statement-breakpoint
CREATE INDEX "employees_agency_name_idx" ON "employees" USING btree ("agency_id","name");--> statement-breakpoint
CREATE INDEX "employees_supervisor_idx" ON "employees" USING btree ("supervisor_employee_id");--> statement-breakpoint
CREATE INDEX "employees_unit_idx" ON "employees" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "employees_selection_idx" ON "employees" USING btree ("selection_id");