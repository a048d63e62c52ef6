import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDatabases } from "@/test/databases";
import { prepareWorld, echoFlow } from "@/test/pipeline-world";
import type { DatabaseHandle } from "@/db/connect";
import { installDatabase } from "@/db/index";
import { eq } from "drizzle-orm";
import { analyticsEvents, channels, conversations, conversationSteps, handoffs } from "@/db/schema";
import type { Actor } from "@/lib/auth/roles";
import type { AnalyticsFilter } from "@/lib/analytics/analytics-filter";
import { summarizeCsat, summarizeFlow, validationFailuresByStep, type ConversationFacts } from "@/lib/analytics/flow-metrics";
import { nodeFunnels } from "@/lib/analytics/node-funnel";
import { getCsatSummary, getFlowSummary, listDailyVolume, listNodeFunnels, listValidationFailures } from "./analytics";

const tester: Actor = { userId: "00000000-0000-7000-8000-000000000000", email: "t@example.com", name: "T", role: "tester" };
const day = (d: number, minute = 0) => new Date(Date.UTC(2026, 0, d, 9, minute));

type FixtureConversation = ConversationFacts & {
  simulated?: boolean;
  events: { type: string; nodeId?: string; data?: Record<string, unknown> }[];
  handoff?: { createdAt: Date; firstResponseAt: Date | null };
};

// Hand-made history: the SQL must agree with lib/analytics' reference definitions over it.
const FIXTURE: FixtureConversation[] = [
  {
    startedAt: day(2), endedAt: day(2, 5), resolvedBy: "bot", escalationKinds: [], messageCount: 7, clarified: true,
    events: [
      { type: "node.entered", nodeId: "start" }, { type: "node.completed", nodeId: "start" },
      { type: "node.entered", nodeId: "ask" }, { type: "validation.failed", nodeId: "ask" }, { type: "validation.failed", nodeId: "ask" },
      { type: "clarification.asked", nodeId: "ask" }, { type: "node.completed", nodeId: "ask" },
      { type: "conversation.resolved", nodeId: "end" }, { type: "csat.recorded", nodeId: "end", data: { score: 5 } },
    ],
  },
  {
    startedAt: day(2, 30), endedAt: day(3), resolvedBy: "agent", escalationKinds: ["keyword"], messageCount: 12, clarified: false,
    events: [
      { type: "node.entered", nodeId: "start" }, { type: "node.completed", nodeId: "start" },
      { type: "node.entered", nodeId: "ask" }, { type: "validation.failed", nodeId: "ask" },
      { type: "node.entered", nodeId: "handoff" },
      { type: "conversation.escalated", nodeId: "handoff", data: { kind: "keyword", reason: "said agent" } },
      { type: "conversation.resolved", nodeId: "handoff", data: { by: "agent" } }, { type: "csat.recorded", nodeId: "end", data: { score: 2 } },
    ],
    handoff: { createdAt: day(2, 31), firstResponseAt: day(2, 41) },
  },
  {
    startedAt: day(4), endedAt: null, resolvedBy: null, escalationKinds: ["negative_sentiment"], messageCount: 4, clarified: false,
    events: [
      { type: "node.entered", nodeId: "start" }, { type: "node.completed", nodeId: "start" },
      { type: "node.entered", nodeId: "handoff" },
      { type: "conversation.escalated", nodeId: "handoff", data: { kind: "negative_sentiment" } },
    ],
    handoff: { createdAt: day(4, 1), firstResponseAt: null },
  },
  {
    startedAt: day(5), endedAt: day(5, 40), resolvedBy: null, escalationKinds: [], messageCount: 3, clarified: false,
    events: [
      { type: "node.entered", nodeId: "start" }, { type: "node.completed", nodeId: "start" },
      { type: "node.entered", nodeId: "ask" }, { type: "conversation.dropped", nodeId: "ask" },
    ],
  },
  {
    startedAt: day(5, 10), endedAt: day(5, 12), resolvedBy: "bot", escalationKinds: [], messageCount: 5, clarified: false,
    events: [{ type: "node.entered", nodeId: "start" }, { type: "conversation.resolved", nodeId: "end" }],
  },
];
// Outside the filter: simulator traffic and a conversation before the range.
const EXCLUDED: FixtureConversation[] = [
  { ...FIXTURE[0], simulated: true } as FixtureConversation,
  { ...FIXTURE[0], startedAt: new Date(Date.UTC(2025, 11, 20)), endedAt: new Date(Date.UTC(2025, 11, 20, 1)) } as FixtureConversation,
];

describe.each(testDatabases())("dashboard SQL on $kind", ({ open }) => {
  let handle: DatabaseHandle & { drop: () => Promise<void> };
  let filter: AnalyticsFilter;
  let versionId: string;

  beforeAll(async () => {
    handle = await open();
    const world = await prepareWorld(handle, { graphUrl: "http://127.0.0.1:9", flow: echoFlow() });
    versionId = world.versionId;
    filter = { flowId: world.flowId, versionId: null, from: day(1), until: day(31), includeSimulated: false };
    const [channel] = await handle.db.select({ id: channels.id }).from(channels);
    if (!channel) throw new Error("no channel");
    let customer = 0;
    for (const fixture of [...FIXTURE, ...EXCLUDED]) {
      const [row] = await handle.db
        .insert(conversations)
        .values({
          channelId: channel.id,
          customerKey: `c${(customer += 1)}`,
          flowId: world.flowId,
          versionId,
          status: fixture.endedAt ? "ended" : "handoff",
          isSimulated: fixture.simulated ?? false,
          lastSeq: fixture.messageCount,
          startedAt: fixture.startedAt,
          endedAt: fixture.endedAt,
        })
        .returning({ id: conversations.id });
      if (!row) throw new Error("no conversation");
      await handle.db.insert(analyticsEvents).values(
        fixture.events.map((event, index) => ({
          conversationId: row.id,
          flowId: world.flowId,
          versionId,
          nodeId: event.nodeId ?? null,
          type: event.type,
          data: event.data ?? null,
          isSimulated: fixture.simulated ?? false,
          occurredAt: new Date(fixture.startedAt.getTime() + index * 1000),
        })),
      );
      if (fixture.handoff) {
        await handle.db.insert(handoffs).values({
          conversationId: row.id,
          queue: "Support",
          reason: "r",
          packet: {},
          createdAt: fixture.handoff.createdAt,
          firstResponseAt: fixture.handoff.firstResponseAt,
        });
      }
    }
  });

  afterAll(async () => {
    await handle.drop();
  });

  beforeEach(() => {
    installDatabase(handle);
  });

  it("computes the summary exactly as the reference definitions do", async () => {
    const expected = summarizeFlow(FIXTURE, FIXTURE.flatMap((fixture) => (fixture.handoff ? [fixture.handoff] : [])));

    const summary = await getFlowSummary(tester, filter);

    expect(summary).toEqual(expected);
    expect(summary).toMatchObject({ started: 5, contained: 2, escalated: 2, resolved: 3, clarified: 1 });
  });

  it("agrees on CSAT, validation failures and the node funnel", async () => {
    const events = FIXTURE.flatMap((fixture, index) =>
      fixture.events.map((event, position) => ({ ...event, conversationId: String(index), at: new Date(fixture.startedAt.getTime() + position * 1000) })),
    );
    const scores = events.flatMap((event) => (event.type === "csat.recorded" ? [Number(event.data?.score)] : []));

    expect(await getCsatSummary(tester, filter)).toEqual(summarizeCsat(scores));
    expect(await listValidationFailures(tester, filter)).toEqual(
      validationFailuresByStep(events.flatMap((event) => (event.type === "validation.failed" && event.nodeId ? [{ nodeId: event.nodeId, conversationId: event.conversationId }] : []))),
    );
    expect(await listNodeFunnels(tester, { ...filter, versionId })).toEqual(
      nodeFunnels(
        events.flatMap((event) => (event.nodeId ? [{ nodeId: event.nodeId, conversationId: event.conversationId, type: event.type, at: event.at }] : [])),
        filter,
      ),
    );
  });

  it("counts simulator traffic only when asked to", async () => {
    const summary = await getFlowSummary(tester, { ...filter, includeSimulated: true });

    expect(summary.started).toBe(6);
  });

  it("gives one row per day that had conversations", async () => {
    expect(await listDailyVolume(tester, filter)).toEqual([
      { day: "2026-01-02", started: 2, escalated: 1, contained: 1 },
      { day: "2026-01-04", started: 1, escalated: 1, contained: 0 },
      { day: "2026-01-05", started: 2, escalated: 0, contained: 1 },
    ]);
  });

  it("keeps the same rollups whether a conversation's events arrive in one insert or one at a time", async () => {
    const [channel] = await handle.db.select({ id: channels.id }).from(channels);
    if (!channel) throw new Error("no channel");
    const source = FIXTURE[1];
    if (!source) throw new Error("no fixture");
    const rollupsOf = async (byEvent: boolean) => {
      const [row] = await handle.db
        .insert(conversations)
        .values({ channelId: channel.id, customerKey: `rollup-${String(byEvent)}`, flowId: filter.flowId, versionId, status: "ended", startedAt: day(40) })
        .returning({ id: conversations.id });
      if (!row) throw new Error("no conversation");
      const rows = [...source.events, { type: "clarification.asked", nodeId: "ask" }, { type: "conversation.escalated", nodeId: "ask", data: { kind: "keyword" } }].map(
        (event, index) => ({ conversationId: row.id, flowId: filter.flowId, versionId, nodeId: event.nodeId ?? null, type: event.type, data: event.data ?? null, occurredAt: day(40, index) }),
      );
      if (byEvent) for (const one of rows) await handle.db.insert(analyticsEvents).values(one);
      else await handle.db.insert(analyticsEvents).values(rows);
      const [outcome] = await handle.db
        .select({ resolvedBy: conversations.resolvedBy, escalationKinds: conversations.escalationKinds, clarified: conversations.clarified })
        .from(conversations)
        .where(eq(conversations.id, row.id));
      const steps = await handle.db
        .select({ nodeId: conversationSteps.nodeId, enteredAt: conversationSteps.enteredAt, movedOn: conversationSteps.movedOn, dropped: conversationSteps.dropped })
        .from(conversationSteps)
        .where(eq(conversationSteps.conversationId, row.id))
        .orderBy(conversationSteps.nodeId);
      return { outcome, steps };
    };

    const together = await rollupsOf(false);
    const oneByOne = await rollupsOf(true);

    expect(oneByOne).toEqual(together);
    expect(together.outcome).toEqual({ resolvedBy: "agent", escalationKinds: ["keyword"], clarified: true });
    expect(together.steps).toEqual([
      { nodeId: "ask", enteredAt: day(40, 2), movedOn: true, dropped: false },
      { nodeId: "handoff", enteredAt: day(40, 4), movedOn: true, dropped: false },
      { nodeId: "start", enteredAt: day(40, 0), movedOn: true, dropped: false },
    ]);
  });
});
