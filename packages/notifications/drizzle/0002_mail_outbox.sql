CREATE TABLE "notifications"."mail_outbox" (
	"notification_id" uuid PRIMARY KEY NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"failed_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "notifications"."notifications" ADD COLUMN "sent_at" timestamp (3) with time zone;--> statement-breakpoint
-- Hand-written: notifications from before the outbox were sent in the transaction that wrote them.
UPDATE "notifications"."notifications" SET "sent_at" = "created_at" WHERE "sent_at" IS NULL;--> statement-breakpoint
ALTER TABLE "notifications"."mail_outbox" ADD CONSTRAINT "mail_outbox_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "notifications"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "notifications"."mail_outbox" USING btree ("next_attempt_at") WHERE failed_at is null;