import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { testDatabases } from "@/test/databases";
import { openSeededDatabase, type SeededDatabase } from "@/test/seeded-database";
import { channels, outbox } from "../schema";
import { listAuditEntries } from "./audit";
import {
  createChannel,
  getSendingChannel,
  listChannelSettings,
  listWebhookCredentials,
  markChannelUnauthorized,
  queueTestMessage,
  updateChannel,
} from "./channels";
import { ForbiddenError, type Actor } from "@/lib/auth/roles";

const AUTH_SECRET = "channel-test-secret";

const fields = {
  name: "Sales line",
  phoneNumberId: "200000000000002",
  displayPhoneNumber: "15550000002",
  verifyToken: "verify-sales",
  graphUrl: "http://127.0.0.1:9",
  flowId: null,
};

describe.each(testDatabases())("channel settings on $kind", ({ open }) => {
  let handle: SeededDatabase["handle"];
  let admin: Actor;

  beforeAll(async () => {
    process.env.AUTH_SECRET = AUTH_SECRET;
    ({ handle, admin } = await openSeededDatabase(open, AUTH_SECRET));
  });

  afterAll(async () => handle.drop());

  it("adds a number with sealed secrets, lists it without them, and audits it", async () => {
    const created = await createChannel(admin, { ...fields, appSecret: "sales-app-secret", accessToken: "sales-token" });
    if (!created.ok) throw new Error(created.error.message);

    const listed = await listChannelSettings(admin);
    const [row] = await handle.db.select().from(channels).where(eq(channels.id, created.value.id));

    expect(listed.map((channel) => channel.phoneNumberId)).toEqual(["100000000000001", "200000000000002"]);
    expect(JSON.stringify(listed)).not.toContain("sales-app-secret");
    expect(row?.appSecretEncrypted).not.toContain("sales-app-secret");
    expect((await listWebhookCredentials(Date.now() + 60_000)).map((c) => c.appSecret)).toContain("sales-app-secret");
    expect((await listAuditEntries(admin, { action: "channel.created" }))[0]).toMatchObject({ subjectId: created.value.id });
  });

  it("refuses a second channel with the same phone number id", async () => {
    const again = await createChannel(admin, { ...fields, name: "Copy", appSecret: "x", accessToken: "y" });

    expect(again).toMatchObject({ ok: false, error: { code: "phone-number-taken" } });
  });

  it("keeps secrets left empty, and a new access token makes an unauthorized channel active again", async () => {
    const [channel] = await handle.db.select().from(channels).where(eq(channels.phoneNumberId, fields.phoneNumberId));
    if (!channel) throw new Error("no channel");
    await markChannelUnauthorized(channel.id);

    const renamed = await updateChannel(admin, { ...fields, channelId: channel.id, name: "Sales" });
    const stillUnauthorized = (await getSendingChannel(channel.id))?.status;
    const retokened = await updateChannel(admin, { ...fields, channelId: channel.id, name: "Sales", accessToken: "fresh-token" });

    expect(renamed).toMatchObject({ ok: true, value: { changed: ["name"] } });
    expect(stillUnauthorized).toBe("unauthorized");
    expect(retokened).toMatchObject({ ok: true, value: { changed: ["accessToken"] } });
    expect(await getSendingChannel(channel.id)).toMatchObject({ status: "active", accessToken: "fresh-token" });
    const [audit] = await listAuditEntries(admin, { action: "channel.updated" });
    expect(audit?.data).toEqual({ name: "Sales", changed: ["accessToken"], reactivated: true });
  });

  it("queues a test message through the outbox in a conversation with that number", async () => {
    const [channel] = await handle.db.select().from(channels).where(eq(channels.phoneNumberId, fields.phoneNumberId));
    if (!channel) throw new Error("no channel");

    const queued = await queueTestMessage(admin, { channelId: channel.id, to: "15551234567", text: "Test", payload: { to: "15551234567" } });

    if (!queued.ok) throw new Error(queued.error.message);
    const [row] = await handle.db.select().from(outbox).where(eq(outbox.id, queued.value.outboxId));
    expect(row).toMatchObject({ status: "pending", channelId: channel.id, payload: { to: "15551234567" } });
  });

  it("filters the audit log by several actions at once, as the audit page's kinds do", async () => {
    const entries = await listAuditEntries(admin, { actions: ["channel.created", "channel.updated"] });

    expect(new Set(entries.map((entry) => entry.action))).toEqual(new Set(["channel.created", "channel.updated"]));
    expect(await listAuditEntries(admin, { actions: [] })).toEqual([]);
  });

  it("refuses channel changes to editors", async () => {
    const editor: Actor = { ...admin, role: "editor" };

    await expect(listChannelSettings(editor)).rejects.toThrow(ForbiddenError);
    await expect(createChannel(editor, { ...fields, appSecret: "a", accessToken: "b" })).rejects.toThrow(ForbiddenError);
  });
});
