CREATE TABLE "billing"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"type" text NOT NULL,
	"version" integer NOT NULL,
	"aggregate_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"fanned_out" boolean DEFAULT false NOT NULL,
	CONSTRAINT "outbox_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "billing"."outbox_deliveries" (
	"event_id" uuid NOT NULL,
	"subscriber" text NOT NULL,
	"seq" bigint NOT NULL,
	"aggregate_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"delivered_at" timestamp (3) with time zone,
	CONSTRAINT "outbox_deliveries_event_id_subscriber_pk" PRIMARY KEY("event_id","subscriber")
);
--> statement-breakpoint
ALTER TABLE "billing"."outbox_deliveries" ADD CONSTRAINT "outbox_deliveries_event_id_outbox_id_fk" FOREIGN KEY ("event_id") REFERENCES "billing"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_unfanned_idx" ON "billing"."outbox" USING btree ("seq") WHERE fanned_out = false;--> statement-breakpoint
CREATE INDEX "outbox_deliveries_due_idx" ON "billing"."outbox_deliveries" USING btree ("subscriber","seq") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_deliveries_aggregate_idx" ON "billing"."outbox_deliveries" USING btree ("subscriber","aggregate_id","seq") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_deliveries_dead_idx" ON "billing"."outbox_deliveries" USING btree ("event_id") WHERE status = 'dead';