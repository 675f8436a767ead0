ALTER TABLE "analytics" ALTER COLUMN "likes_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "likes_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "comments_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "comments_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "shares_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "shares_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "clicks_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "clicks_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "impressions_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "impressions_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "reach_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "reach_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "saves_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "saves_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "video_views_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "video_views_count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "engagement_rate" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "analytics" ALTER COLUMN "engagement_rate" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics" ADD COLUMN "unavailable" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics" ADD COLUMN "source" varchar(120);