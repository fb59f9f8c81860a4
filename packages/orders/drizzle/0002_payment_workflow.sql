CREATE TABLE "orders"."inbox" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"handled_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."workflow_timers" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"since" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "stage" text DEFAULT 'placed' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written: orders written before the workflow rest in the stage named like their status.
UPDATE "orders"."orders" SET "stage" = "status" WHERE "status" <> 'placed';--> statement-breakpoint
ALTER TABLE "orders"."workflow_timers" ADD CONSTRAINT "workflow_timers_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "orders"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workflow_timers_since_idx" ON "orders"."workflow_timers" USING btree ("since");