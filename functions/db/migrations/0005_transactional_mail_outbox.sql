CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"invitation_id" uuid,
	"organization_id" uuid,
	"to_address" varchar(255),
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_outbox_kind_check" CHECK ("mail_outbox"."kind" in ('verify_email', 'reset_password', 'invitation', 'account_deleted')),
	CONSTRAINT "mail_outbox_status_check" CHECK ("mail_outbox"."status" in ('pending', 'sending', 'failed')),
	CONSTRAINT "mail_outbox_subject_check" CHECK (("mail_outbox"."kind" in ('verify_email', 'reset_password') and "mail_outbox"."user_id" is not null)
        or ("mail_outbox"."kind" = 'invitation' and "mail_outbox"."invitation_id" is not null and "mail_outbox"."organization_id" is not null)
        or ("mail_outbox"."kind" = 'account_deleted' and ("mail_outbox"."to_address" is not null or "mail_outbox"."status" = 'failed')))
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_user_kind_in_flight_key" ON "mail_outbox" USING btree ("user_id","kind") WHERE "mail_outbox"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE "mail_outbox"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "mail_outbox_invitation_id_idx" ON "mail_outbox" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_organization_id_idx" ON "mail_outbox" USING btree ("organization_id");--> statement-breakpoint
-- Row-level security, as for every table with an organization_id (0001_row_level_security.sql).
-- A tenant sees only its own invitation mails; account mails (organization_id null) only the
-- system role sees: they are written and sent before or outside any tenant.
ALTER TABLE "mail_outbox" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "mail_outbox" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON "mail_outbox";
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "mail_outbox" TO plume_app
  USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
DROP POLICY IF EXISTS system_access ON "mail_outbox";
--> statement-breakpoint
CREATE POLICY system_access ON "mail_outbox" TO plume_system USING (true) WITH CHECK (true);
