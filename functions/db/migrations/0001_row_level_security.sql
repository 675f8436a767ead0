-- Row-level security: the database's own guard behind the organization filter that every
-- query already carries in code (DESIGN.md section 3). Hand-written (drizzle-kit --custom).
--
-- plume_app    the role every tenant request runs as (SET LOCAL ROLE inside its transaction,
--              see functions/db/tenant.ts). Sees only rows of the organization named by the
--              transaction-local setting app.org_id; with no setting it sees no tenant rows.
-- plume_system the role of work that spans tenants or runs before a tenant is known (sign-in,
--              the publish sweep, super-admin). Sees every row, but only through the explicit
--              system_access policies below, so RLS stays on and FORCEd for everyone.
-- Both are NOLOGIN, NOSUPERUSER, NOBYPASSRLS (a superuser or BYPASSRLS role skips every policy)
-- and granted to the migrating user so its sessions can SET ROLE to them. Roles are cluster-wide,
-- so they are created only when missing (a second database on the same server reuses them).
--
-- The tenant setting is read as nullif(current_setting('app.org_id', true), '')::uuid:
-- missing_ok=true returns NULL instead of an error when it was never set, and nullif turns
-- the '' PostgreSQL leaves behind after a transaction-local value ends into NULL (which
-- matches nothing) instead of a cast error.
--
-- Every table with an organization_id column gets ENABLE + FORCE (FORCE makes the table owner
-- obey the policies too) and the two policies; test/db/catalog.test.ts fails if one is missed.
-- A later migration that adds a tenant table must add the same block.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'plume_app') THEN
    CREATE ROLE plume_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION
  -- Another database on the same server created it concurrently.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'plume_system') THEN
    CREATE ROLE plume_system NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
-- A pre-existing role with the wrong attributes would silently defeat every policy: refuse it.
DO $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM pg_roles
    WHERE rolname IN ('plume_app', 'plume_system') AND (rolsuper OR rolbypassrls)
  ) THEN
    RAISE EXCEPTION 'plume_app / plume_system must be NOSUPERUSER and NOBYPASSRLS';
  END IF;
END
$$;
--> statement-breakpoint
GRANT plume_app TO CURRENT_USER;
--> statement-breakpoint
GRANT plume_system TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO plume_app, plume_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO plume_app, plume_system;
--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO plume_app, plume_system;
--> statement-breakpoint
-- Tables and sequences created later by the migrating user get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO plume_app, plume_system;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO plume_app, plume_system;
--> statement-breakpoint
-- organizations: the tenant row itself, keyed on id.
ALTER TABLE "organizations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "organizations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "organizations";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "organizations" TO plume_app
  USING (id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "organizations";
--> statement-breakpoint
CREATE POLICY system_access ON "organizations" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- users: organization_id is only the user's default organization and a person may belong to
-- several, so a tenant sees the users who are members of it (never others). Creating a user
-- (before any membership exists) therefore runs as plume_system.
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "users";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "users" TO plume_app
  USING (EXISTS (
    SELECT 1 FROM organization_members m
    WHERE m.user_id = users.id AND m.organization_id = nullif(current_setting('app.org_id', true), '')::uuid
  ))
  WITH CHECK (EXISTS (
    SELECT 1 FROM organization_members m
    WHERE m.user_id = users.id AND m.organization_id = nullif(current_setting('app.org_id', true), '')::uuid
  ));
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "users";
--> statement-breakpoint
CREATE POLICY system_access ON "users" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- organization_members
ALTER TABLE "organization_members" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "organization_members" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "organization_members";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "organization_members" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "organization_members";
--> statement-breakpoint
CREATE POLICY system_access ON "organization_members" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- invitations
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "invitations";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "invitations" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "invitations";
--> statement-breakpoint
CREATE POLICY system_access ON "invitations" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- api_keys
ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "api_keys" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "api_keys";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "api_keys" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "api_keys";
--> statement-breakpoint
CREATE POLICY system_access ON "api_keys" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- usage_counters
ALTER TABLE "usage_counters" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "usage_counters" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "usage_counters";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "usage_counters" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "usage_counters";
--> statement-breakpoint
CREATE POLICY system_access ON "usage_counters" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- social_accounts
ALTER TABLE "social_accounts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "social_accounts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "social_accounts";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "social_accounts" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "social_accounts";
--> statement-breakpoint
CREATE POLICY system_access ON "social_accounts" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- posts
ALTER TABLE "posts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "posts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "posts";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "posts" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "posts";
--> statement-breakpoint
CREATE POLICY system_access ON "posts" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- post_platforms
ALTER TABLE "post_platforms" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "post_platforms" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "post_platforms";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "post_platforms" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "post_platforms";
--> statement-breakpoint
CREATE POLICY system_access ON "post_platforms" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- post_target_events
ALTER TABLE "post_target_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "post_target_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "post_target_events";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "post_target_events" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "post_target_events";
--> statement-breakpoint
CREATE POLICY system_access ON "post_target_events" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- media
ALTER TABLE "media" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "media" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "media";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "media" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "media";
--> statement-breakpoint
CREATE POLICY system_access ON "media" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- analytics
ALTER TABLE "analytics" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "analytics" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "analytics";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "analytics" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "analytics";
--> statement-breakpoint
CREATE POLICY system_access ON "analytics" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- audience_insights
ALTER TABLE "audience_insights" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audience_insights" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "audience_insights";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "audience_insights" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "audience_insights";
--> statement-breakpoint
CREATE POLICY system_access ON "audience_insights" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- reports
ALTER TABLE "reports" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reports" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "reports";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "reports" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "reports";
--> statement-breakpoint
CREATE POLICY system_access ON "reports" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- ai_agents
ALTER TABLE "ai_agents" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ai_agents" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "ai_agents";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "ai_agents" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "ai_agents";
--> statement-breakpoint
CREATE POLICY system_access ON "ai_agents" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- ai_agent_tasks
ALTER TABLE "ai_agent_tasks" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ai_agent_tasks" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "ai_agent_tasks";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "ai_agent_tasks" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "ai_agent_tasks";
--> statement-breakpoint
CREATE POLICY system_access ON "ai_agent_tasks" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- ai_agent_memory
ALTER TABLE "ai_agent_memory" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ai_agent_memory" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "ai_agent_memory";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "ai_agent_memory" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "ai_agent_memory";
--> statement-breakpoint
CREATE POLICY system_access ON "ai_agent_memory" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- competitors
ALTER TABLE "competitors" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "competitors" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "competitors";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "competitors" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "competitors";
--> statement-breakpoint
CREATE POLICY system_access ON "competitors" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- competitor_snapshots
ALTER TABLE "competitor_snapshots" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "competitor_snapshots" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "competitor_snapshots";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "competitor_snapshots" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "competitor_snapshots";
--> statement-breakpoint
CREATE POLICY system_access ON "competitor_snapshots" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- mentions
ALTER TABLE "mentions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "mentions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "mentions";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "mentions" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "mentions";
--> statement-breakpoint
CREATE POLICY system_access ON "mentions" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- integrations
ALTER TABLE "integrations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "integrations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "integrations";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "integrations" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "integrations";
--> statement-breakpoint
CREATE POLICY system_access ON "integrations" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- webhook_events
ALTER TABLE "webhook_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "webhook_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "webhook_events";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "webhook_events" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "webhook_events";
--> statement-breakpoint
CREATE POLICY system_access ON "webhook_events" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- notifications
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "notifications" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "notifications";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "notifications" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "notifications";
--> statement-breakpoint
CREATE POLICY system_access ON "notifications" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- notification_settings
ALTER TABLE "notification_settings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "notification_settings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "notification_settings";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "notification_settings" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "notification_settings";
--> statement-breakpoint
CREATE POLICY system_access ON "notification_settings" TO plume_system USING (true) WITH CHECK (true);
--> statement-breakpoint
-- audit_logs
ALTER TABLE "audit_logs" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_logs" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "audit_logs";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "audit_logs" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "audit_logs";
--> statement-breakpoint
CREATE POLICY system_access ON "audit_logs" TO plume_system USING (true) WITH CHECK (true);
