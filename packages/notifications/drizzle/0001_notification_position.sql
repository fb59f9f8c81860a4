DROP INDEX "notifications"."notifications_customer_idx";--> statement-breakpoint
ALTER TABLE "notifications"."notifications" ADD COLUMN "position" bigserial NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_customer_position_idx" ON "notifications"."notifications" USING btree ("customer_id","position");