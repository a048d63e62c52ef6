CREATE TABLE "simulator_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"flow_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulator_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_by" uuid,
	"flow_id" uuid NOT NULL,
	"version_id" uuid,
	"draft_revision" integer,
	"document" jsonb NOT NULL,
	"customer" jsonb NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "simulator_cases" ADD CONSTRAINT "simulator_cases_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "simulator_cases" ADD CONSTRAINT "simulator_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "simulator_sessions" ADD CONSTRAINT "simulator_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "simulator_sessions" ADD CONSTRAINT "simulator_sessions_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "simulator_sessions" ADD CONSTRAINT "simulator_sessions_version_id_flow_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."flow_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "simulator_cases_flow_id_created_at_idx" ON "simulator_cases" USING btree ("flow_id","created_at");--> statement-breakpoint
CREATE INDEX "simulator_sessions_created_by_created_at_idx" ON "simulator_sessions" USING btree ("created_by","created_at");