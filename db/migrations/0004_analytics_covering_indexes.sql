-- Covering indexes for the analytics dashboard (db/queries/analytics.ts), written by hand because drizzle's index
-- builder has no INCLUDE. Each dashboard query reads one or a few event types of a flow or version in a date
-- range; with the columns it needs included, Postgres answers from the index alone instead of visiting ~1M heap rows.
CREATE INDEX IF NOT EXISTS "analytics_events_flow_type_occurred_at_idx" ON "analytics_events" USING btree ("flow_id", "type", "occurred_at") INCLUDE ("conversation_id", "data");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "analytics_events_version_type_occurred_at_idx" ON "analytics_events" USING btree ("version_id", "type", "occurred_at") INCLUDE ("conversation_id", "node_id", "is_simulated");
