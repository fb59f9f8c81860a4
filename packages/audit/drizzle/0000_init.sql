CREATE SCHEMA "audit";
--> statement-breakpoint
CREATE TABLE "audit"."entries" (
	"position" bigint PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"version" integer NOT NULL,
	"module" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "entries_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "audit"."inbox" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"handled_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "entries_module_idx" ON "audit"."entries" USING btree ("module","position");--> statement-breakpoint
CREATE INDEX "entries_type_idx" ON "audit"."entries" USING btree ("type","position");