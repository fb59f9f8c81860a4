CREATE TABLE "billing"."sandbox_provider_requests" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"operation" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"outcome" text NOT NULL,
	"reference" text,
	"decline_code" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
