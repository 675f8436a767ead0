CREATE TABLE "post_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"user_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_reviews_action_check" CHECK ("post_reviews"."action" in ('submitted', 'approved', 'changes_requested', 'commented', 'reopened')),
	CONSTRAINT "post_reviews_from_status_check" CHECK ("post_reviews"."from_status" in ('not_required', 'pending', 'in_review', 'changes_requested', 'approved')),
	CONSTRAINT "post_reviews_to_status_check" CHECK ("post_reviews"."to_status" in ('not_required', 'pending', 'in_review', 'changes_requested', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "agent_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"agent_type" text NOT NULL,
	"kind" varchar(50) NOT NULL,
	"severity" text DEFAULT 'warning' NOT NULL,
	"dedupe_key" varchar(255) NOT NULL,
	"social_account_id" uuid,
	"title" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_alerts_organization_dedupe_key" UNIQUE("organization_id","dedupe_key"),
	CONSTRAINT "agent_alerts_agent_type_check" CHECK ("agent_alerts"."agent_type" in ('content_creator', 'trend_analyzer', 'engagement_optimizer', 'smart_scheduler', 'performance_tracker', 'competitor_monitor', 'crisis_manager', 'workflow_orchestrator')),
	CONSTRAINT "agent_alerts_severity_check" CHECK ("agent_alerts"."severity" in ('info', 'success', 'warning', 'error')),
	CONSTRAINT "agent_alerts_status_check" CHECK ("agent_alerts"."status" in ('open', 'acknowledged', 'resolved'))
);
--> statement-breakpoint
ALTER TABLE "social_accounts" ADD COLUMN "mentions_cursor" text;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD COLUMN "mentions_synced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD COLUMN "mentions_sync_error" text;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "approval_status" text DEFAULT 'not_required' NOT NULL;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "approved_by" uuid;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "kind" text DEFAULT 'mention' NOT NULL;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "parent_external_id" varchar(255);--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "reply_ref" jsonb;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "response_post_id" uuid;--> statement-breakpoint
ALTER TABLE "post_reviews" ADD CONSTRAINT "post_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reviews" ADD CONSTRAINT "post_reviews_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reviews" ADD CONSTRAINT "post_reviews_post_fk" FOREIGN KEY ("post_id","organization_id") REFERENCES "public"."posts"("id","organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_alerts" ADD CONSTRAINT "agent_alerts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_alerts" ADD CONSTRAINT "agent_alerts_social_account_id_social_accounts_id_fk" FOREIGN KEY ("social_account_id") REFERENCES "public"."social_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_alerts" ADD CONSTRAINT "agent_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_reviews_post_created_idx" ON "post_reviews" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE INDEX "post_reviews_user_id_idx" ON "post_reviews" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "agent_alerts_organization_detected_idx" ON "agent_alerts" USING btree ("organization_id","detected_at");--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_response_post_id_posts_id_fk" FOREIGN KEY ("response_post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "posts_organization_in_review_idx" ON "posts" USING btree ("organization_id","updated_at") WHERE "posts"."approval_status" = 'in_review' and "posts"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_approval_status_check" CHECK ("posts"."approval_status" in ('not_required', 'pending', 'in_review', 'changes_requested', 'approved'));--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_kind_check" CHECK ("mentions"."kind" in ('mention', 'reply', 'comment', 'quote'));--> statement-breakpoint
-- Row-level security, as for every table with an organization_id (0001_row_level_security.sql).
ALTER TABLE "post_reviews" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "post_reviews" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "post_reviews";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "post_reviews" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "post_reviews";
--> statement-breakpoint
CREATE POLICY system_access ON "post_reviews" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "agent_alerts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "agent_alerts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "agent_alerts";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "agent_alerts" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "agent_alerts";
--> statement-breakpoint
CREATE POLICY system_access ON "agent_alerts" TO plume_system USING (true) WITH CHECK (true);
