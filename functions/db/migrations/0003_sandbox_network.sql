CREATE TABLE "sandbox_accounts" (
	"handle" text PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"followers" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_accounts_handle_check" CHECK ("sandbox_accounts"."handle" ~ '^[a-z0-9][a-z0-9_.-]{0,29}$'),
	CONSTRAINT "sandbox_accounts_followers_check" CHECK ("sandbox_accounts"."followers" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sandbox_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"handle" text NOT NULL,
	"kind" text DEFAULT 'post' NOT NULL,
	"reply_to_id" uuid,
	"text" text NOT NULL,
	"media" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"followers_at_publish" integer NOT NULL,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_posts_kind_check" CHECK ("sandbox_posts"."kind" in ('post', 'reply', 'comment'))
);
--> statement-breakpoint
CREATE TABLE "sandbox_publish_attempts" (
	"key" text PRIMARY KEY NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sandbox_posts" ADD CONSTRAINT "sandbox_posts_handle_sandbox_accounts_handle_fk" FOREIGN KEY ("handle") REFERENCES "public"."sandbox_accounts"("handle") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_posts" ADD CONSTRAINT "sandbox_posts_reply_to_id_sandbox_posts_id_fk" FOREIGN KEY ("reply_to_id") REFERENCES "public"."sandbox_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sandbox_posts_published_idx" ON "sandbox_posts" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "sandbox_posts_handle_published_idx" ON "sandbox_posts" USING btree ("handle","published_at");--> statement-breakpoint
CREATE INDEX "sandbox_posts_reply_to_idx" ON "sandbox_posts" USING btree ("reply_to_id");