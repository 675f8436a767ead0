CREATE TABLE "account_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"social_account_id" uuid NOT NULL,
	"date_bucket" date NOT NULL,
	"followers_count" integer,
	"following_count" integer,
	"posts_count" integer,
	"impressions_count" integer,
	"profile_views_count" integer,
	"unavailable" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" varchar(120),
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_metrics_account_day_key" UNIQUE("social_account_id","date_bucket")
);
--> statement-breakpoint
CREATE TABLE "analytics_latest" (
	"post_platform_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"likes_count" integer,
	"comments_count" integer,
	"shares_count" integer,
	"clicks_count" integer,
	"impressions_count" integer,
	"reach_count" integer,
	"saves_count" integer,
	"video_views_count" integer,
	"unavailable" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" varchar(120),
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_by" uuid,
	"name" varchar(255) NOT NULL,
	"frequency" text NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recipient_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_schedules_frequency_check" CHECK ("report_schedules"."frequency" in ('weekly', 'monthly'))
);
--> statement-breakpoint
CREATE TABLE "competitor_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"competitor_id" uuid NOT NULL,
	"external_id" varchar(255) NOT NULL,
	"text" text NOT NULL,
	"url" text,
	"published_at" timestamp with time zone NOT NULL,
	"likes_count" integer,
	"comments_count" integer,
	"shares_count" integer,
	"impressions_count" integer,
	"unavailable" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"captured_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competitor_posts_competitor_external_key" UNIQUE("competitor_id","external_id")
);
--> statement-breakpoint
DROP INDEX "audience_insights_account_date_idx";--> statement-breakpoint
ALTER TABLE "audience_insights" ADD COLUMN "demographics" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "audience_insights" ADD COLUMN "unavailable" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "audience_insights" ADD COLUMN "source" varchar(120);--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "files" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "schedule_id" uuid;--> statement-breakpoint
ALTER TABLE "competitors" ADD COLUMN "platform_account_id" varchar(255);--> statement-breakpoint
ALTER TABLE "competitors" ADD COLUMN "service_url" text;--> statement-breakpoint
ALTER TABLE "competitors" ADD COLUMN "avatar_url" text;--> statement-breakpoint
ALTER TABLE "competitors" ADD COLUMN "last_check_error" text;--> statement-breakpoint
ALTER TABLE "account_metrics" ADD CONSTRAINT "account_metrics_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_metrics" ADD CONSTRAINT "account_metrics_social_account_id_social_accounts_id_fk" FOREIGN KEY ("social_account_id") REFERENCES "public"."social_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_latest" ADD CONSTRAINT "analytics_latest_post_platform_id_post_platforms_id_fk" FOREIGN KEY ("post_platform_id") REFERENCES "public"."post_platforms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_latest" ADD CONSTRAINT "analytics_latest_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_posts" ADD CONSTRAINT "competitor_posts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_posts" ADD CONSTRAINT "competitor_posts_competitor_id_competitors_id_fk" FOREIGN KEY ("competitor_id") REFERENCES "public"."competitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_metrics_organization_day_idx" ON "account_metrics" USING btree ("organization_id","date_bucket");--> statement-breakpoint
CREATE INDEX "analytics_latest_organization_idx" ON "analytics_latest" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "report_schedules_due_idx" ON "report_schedules" USING btree ("next_run_at");--> statement-breakpoint
CREATE INDEX "report_schedules_organization_idx" ON "report_schedules" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "competitor_posts_organization_published_idx" ON "competitor_posts" USING btree ("organization_id","published_at");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_schedule_id_report_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."report_schedules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_platforms_organization_published_idx" ON "post_platforms" USING btree ("organization_id","published_at") WHERE "post_platforms"."status" = 'published';--> statement-breakpoint
ALTER TABLE "audience_insights" ADD CONSTRAINT "audience_insights_account_date_key" UNIQUE("social_account_id","analysis_date");--> statement-breakpoint
-- analytics_latest holds each target's newest snapshot, whoever writes snapshots (the sync, the
-- Sandbox history seeder, an import): copied by this trigger, so no writer can forget it. An
-- older snapshot than the one kept (a back-filled history) leaves it alone. The trigger runs as
-- the writer's role, so row-level security checks the copy as it checks the snapshot.
CREATE OR REPLACE FUNCTION analytics_keep_latest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.post_platform_id IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO analytics_latest (post_platform_id, organization_id, likes_count, comments_count, shares_count,
                                clicks_count, impressions_count, reach_count, saves_count, video_views_count,
                                unavailable, source, recorded_at)
  VALUES (NEW.post_platform_id, NEW.organization_id, NEW.likes_count, NEW.comments_count, NEW.shares_count,
          NEW.clicks_count, NEW.impressions_count, NEW.reach_count, NEW.saves_count, NEW.video_views_count,
          NEW.unavailable, NEW.source, NEW.recorded_at)
  ON CONFLICT (post_platform_id) DO UPDATE SET
    likes_count = EXCLUDED.likes_count, comments_count = EXCLUDED.comments_count,
    shares_count = EXCLUDED.shares_count, clicks_count = EXCLUDED.clicks_count,
    impressions_count = EXCLUDED.impressions_count, reach_count = EXCLUDED.reach_count,
    saves_count = EXCLUDED.saves_count, video_views_count = EXCLUDED.video_views_count,
    unavailable = EXCLUDED.unavailable, source = EXCLUDED.source, recorded_at = EXCLUDED.recorded_at
  WHERE analytics_latest.recorded_at <= EXCLUDED.recorded_at;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS analytics_keep_latest ON "analytics";
--> statement-breakpoint
CREATE TRIGGER analytics_keep_latest AFTER INSERT ON "analytics"
  FOR EACH ROW EXECUTE FUNCTION analytics_keep_latest();
--> statement-breakpoint
-- Snapshots stored before this migration: copy each target's newest.
INSERT INTO analytics_latest (post_platform_id, organization_id, likes_count, comments_count, shares_count,
                              clicks_count, impressions_count, reach_count, saves_count, video_views_count,
                              unavailable, source, recorded_at)
SELECT DISTINCT ON (post_platform_id) post_platform_id, organization_id, likes_count, comments_count, shares_count,
       clicks_count, impressions_count, reach_count, saves_count, video_views_count, unavailable, source, recorded_at
  FROM analytics WHERE post_platform_id IS NOT NULL
 ORDER BY post_platform_id, recorded_at DESC, id DESC;
--> statement-breakpoint
-- Row-level security, as for every table with an organization_id (0001_row_level_security.sql).
ALTER TABLE "account_metrics" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "account_metrics" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "account_metrics";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "account_metrics" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "account_metrics";
--> statement-breakpoint
CREATE POLICY system_access ON "account_metrics" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "report_schedules" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "report_schedules" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "report_schedules";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "report_schedules" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "report_schedules";
--> statement-breakpoint
CREATE POLICY system_access ON "report_schedules" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "competitor_posts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "competitor_posts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "competitor_posts";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "competitor_posts" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "competitor_posts";
--> statement-breakpoint
CREATE POLICY system_access ON "competitor_posts" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "analytics_latest" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "analytics_latest" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "analytics_latest";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "analytics_latest" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "analytics_latest";
--> statement-breakpoint
CREATE POLICY system_access ON "analytics_latest" TO plume_system USING (true) WITH CHECK (true);
