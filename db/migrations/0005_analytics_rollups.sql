CREATE TABLE "conversation_steps" (
	"conversation_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"flow_id" uuid,
	"version_id" uuid,
	"is_simulated" boolean DEFAULT false NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"moved_on" boolean DEFAULT false NOT NULL,
	"dropped" boolean DEFAULT false NOT NULL,
	CONSTRAINT "conversation_steps_conversation_id_node_id_pk" PRIMARY KEY("conversation_id","node_id")
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "resolved_by" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "escalation_kinds" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "clarified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "conversation_steps_version_entered_at_idx" ON "conversation_steps" USING btree ("version_id","entered_at");--> statement-breakpoint
-- The rollups behind the analytics dashboard, kept by one statement-level trigger on analytics_events so that every
-- writer (the runtime, the inbox, seed:analytics' COPY, tests) keeps them without knowing they exist. Per insert
-- statement it folds the new events into (1) the conversation's outcome columns and (2) one conversation_steps row
-- per conversation and node. The dashboard then counts conversations and steps instead of grouping ~1M events.
CREATE FUNCTION "analytics_events_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "conversations" AS c SET
    "resolved_by" = coalesce(o.resolved_by, c."resolved_by"),
    "escalation_kinds" = CASE WHEN o.kinds IS NULL THEN c."escalation_kinds"
      ELSE ARRAY(SELECT DISTINCT k FROM unnest(c."escalation_kinds" || o.kinds) AS k ORDER BY k) END,
    "clarified" = c."clarified" OR o.clarified
  FROM (
    SELECT conversation_id,
      (array_agg(CASE WHEN data->>'by' = 'agent' THEN 'agent' ELSE 'bot' END ORDER BY occurred_at DESC, id DESC)
        FILTER (WHERE type = 'conversation.resolved'))[1] AS resolved_by,
      array_agg(DISTINCT coalesce(data->>'kind', 'unknown')) FILTER (WHERE type = 'conversation.escalated') AS kinds,
      bool_or(type = 'clarification.asked') AS clarified
    FROM new_events
    WHERE type IN ('conversation.resolved', 'conversation.escalated', 'clarification.asked')
    GROUP BY conversation_id
  ) AS o
  WHERE c."id" = o.conversation_id;

  INSERT INTO "conversation_steps" ("conversation_id", "node_id", "flow_id", "version_id", "is_simulated", "entered_at", "moved_on", "dropped")
  SELECT conversation_id, node_id, (array_agg(flow_id))[1], (array_agg(version_id))[1], bool_or(is_simulated), min(occurred_at),
    bool_or(type IN ('node.completed', 'conversation.escalated')), bool_or(type = 'conversation.dropped')
  FROM new_events
  WHERE node_id IS NOT NULL AND type IN ('node.entered', 'node.completed', 'conversation.escalated', 'conversation.dropped')
  GROUP BY conversation_id, node_id
  ON CONFLICT ("conversation_id", "node_id") DO UPDATE SET
    "entered_at" = least("conversation_steps"."entered_at", excluded."entered_at"),
    "moved_on" = "conversation_steps"."moved_on" OR excluded."moved_on",
    "dropped" = "conversation_steps"."dropped" OR excluded."dropped";
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "analytics_events_rollup" AFTER INSERT ON "analytics_events"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION "analytics_events_rollup"();
--> statement-breakpoint
-- Backfill from the events already recorded: the trigger's two statements over the whole table.
UPDATE "conversations" AS c SET
  "resolved_by" = o.resolved_by,
  "escalation_kinds" = coalesce(o.kinds, '{}'::text[]),
  "clarified" = o.clarified
FROM (
  SELECT conversation_id,
    (array_agg(CASE WHEN data->>'by' = 'agent' THEN 'agent' ELSE 'bot' END ORDER BY occurred_at DESC, id DESC)
      FILTER (WHERE type = 'conversation.resolved'))[1] AS resolved_by,
    array_agg(DISTINCT coalesce(data->>'kind', 'unknown')) FILTER (WHERE type = 'conversation.escalated') AS kinds,
    bool_or(type = 'clarification.asked') AS clarified
  FROM "analytics_events"
  WHERE type IN ('conversation.resolved', 'conversation.escalated', 'clarification.asked')
  GROUP BY conversation_id
) AS o
WHERE c."id" = o.conversation_id;
--> statement-breakpoint
INSERT INTO "conversation_steps" ("conversation_id", "node_id", "flow_id", "version_id", "is_simulated", "entered_at", "moved_on", "dropped")
SELECT conversation_id, node_id, (array_agg(flow_id))[1], (array_agg(version_id))[1], bool_or(is_simulated), min(occurred_at),
  bool_or(type IN ('node.completed', 'conversation.escalated')), bool_or(type = 'conversation.dropped')
FROM "analytics_events"
WHERE node_id IS NOT NULL AND type IN ('node.entered', 'node.completed', 'conversation.escalated', 'conversation.dropped')
GROUP BY conversation_id, node_id;
