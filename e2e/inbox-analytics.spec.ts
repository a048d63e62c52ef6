import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./support/accounts";
import { buildSignedWebhook } from "../runtime/whatsapp/build-webhook-payload";
import { startFakeGraph, type FakeGraph } from "../runtime/whatsapp/fake-graph";

// The seeded default channel, bound to the seeded demo flow (the Complete support desk): asking for an agent in the
// first message hands the customer straight to the general queue.
const PHONE_NUMBER_ID = "100000000000001";
const APP_SECRET = "threadline-dev-secret";
const DEMO_FLOW = "Complete support desk";
const HANDOFF_NODE = "handoff_general";
const FIRST_MESSAGE = "My parcel never arrived, I want to talk to an agent";

type SentMessage = { to: string; type: string; body: { text?: { body?: string } } };

/** Where the app sends: playwright.config starts a fake Graph API; without it, we start one on the seeded URL's port. */
async function fakeGraphUrl(): Promise<{ url: string | null; close: () => Promise<void> }> {
  if (process.env.E2E_GRAPH_URL) return { url: process.env.E2E_GRAPH_URL, close: async () => {} };
  let graph: FakeGraph | null = null;
  try {
    graph = await startFakeGraph({ port: 4010 });
  } catch {
    return { url: null, close: async () => {} };
  }
  const started = graph;
  return { url: started.url, close: () => started.close() };
}

async function readNumber(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).locator("dd").first().textContent()) ?? "";
  return Number(text.replace(/[^\d.]/g, ""));
}

async function funnelCells(page: Page, nodeId: string): Promise<number[]> {
  const cells = await page.getByTestId(`funnel-${nodeId}`).locator("td").allTextContents();
  return cells.slice(0, 3).map(Number);
}

async function openDemoFlowAnalytics(page: Page) {
  await page.goto("/analytics");
  await page.getByLabel("Flow").selectOption({ label: DEMO_FLOW });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("metric-started")).toBeVisible();
}

test.describe("the agent inbox and analytics", () => {
  test("a WhatsApp customer is handed over, answered by an agent, resolved and counted", async ({ page, request }) => {
    const graph = await fakeGraphUrl();
    const phone = `1555${String(Date.now()).slice(-7)}`;
    const name = `Inbox Customer ${phone.slice(-4)}`;
    await signIn(page, ADMIN.email, ADMIN.password);

    // Given: the numbers before this customer (other specs may have talked to the demo flow too).
    await openDemoFlowAnalytics(page);
    const startedBefore = await readNumber(page, "metric-started");
    const [handoffEnteredBefore = 0, handoffMovedOnBefore = 0] = await funnelCells(page, HANDOFF_NODE);

    // When: the customer writes on WhatsApp; the webhook answers only after the handoff is committed.
    const { body, signature } = buildSignedWebhook({
      phoneNumberId: PHONE_NUMBER_ID,
      appSecret: APP_SECRET,
      messages: [{ from: phone, name, id: `wamid.E2EINBOX${phone}`, timestamp: Math.floor(Date.now() / 1000), content: { type: "text", text: FIRST_MESSAGE } }],
    });
    const delivered = await request.post("/api/webhooks/whatsapp", {
      data: body,
      headers: { "content-type": "application/json", "x-hub-signature-256": signature },
    });
    expect(delivered.status()).toBe(200);

    // Then: it appears in the inbox with its packet.
    await page.goto("/inbox");
    const entry = page.getByRole("list", { name: "Conversations" }).getByRole("button", { name: new RegExp(name) });
    await expect(entry).toBeVisible();
    await entry.click();
    const panel = page.getByRole("article", { name: `Conversation with ${name}` });
    await expect(panel.getByTestId("escalation-reason")).toHaveText("The customer asked for an agent");
    await expect(panel.getByRole("list", { name: "Transcript" })).toContainText(FIRST_MESSAGE);
    await expect(panel.getByTestId("summary")).not.toBeEmpty();
    await expect(panel.getByLabel("Collected fields")).toContainText(phone);
    await expect(panel.getByTestId("reply-window")).toContainText("You can reply freely");
    await page.screenshot({ path: test.info().outputPath("inbox-conversation.png"), fullPage: true });

    // The agent takes it and replies through the outbox.
    await panel.getByRole("button", { name: "Take it" }).click();
    await expect(panel.getByTestId("assignment")).toHaveText("You have this conversation.");
    const reply = `Sorry about that, ${name}! Let me check.`;
    await panel.getByLabel("Message").fill(reply);
    await panel.getByRole("button", { name: "Send reply" }).click();
    await expect(panel.getByRole("status").filter({ hasText: "Sent." })).toHaveText("Sent. It is on its way to the customer.");
    await expect(panel.getByRole("list", { name: "Transcript" })).toContainText(reply);

    if (graph.url) {
      const graphUrl = graph.url;
      await expect
        .poll(async () => {
          const sent = (await (await request.get(`${graphUrl}/__sent`)).json()) as SentMessage[];
          return sent.filter((send) => send.to === `+${phone}`).map((send) => send.body.text?.body);
        })
        .toContain(reply);
    } else {
      test.info().annotations.push({ type: "skipped assertion", description: "No fake Graph API reachable: the delivery of the agent's reply was not checked." });
    }
    await graph.close();

    // Resolving closes the conversation.
    await panel.getByRole("button", { name: "Resolve and close" }).click();
    await expect(panel.getByText("This conversation is resolved. Replies are closed.")).toBeVisible();
    await page.getByRole("button", { name: "Resolved", exact: true }).click();
    await expect(page.getByRole("list", { name: "Conversations" }).getByRole("button", { name: new RegExp(name) })).toBeVisible();

    // The analytics page and the drop-off overlay count it.
    await openDemoFlowAnalytics(page);
    expect(await readNumber(page, "metric-started")).toBe(startedBefore + 1);
    const [handoffEntered, handoffMovedOn, handoffDropped] = await funnelCells(page, HANDOFF_NODE);
    expect(handoffEntered).toBe(handoffEnteredBefore + 1);
    expect(handoffMovedOn).toBe(handoffMovedOnBefore + 1);
    expect(handoffDropped).toBe(0);
    // Zoomed out to fit the whole flow, the canvas draws plain boxes; each node still carries its counts as a tooltip.
    const canvas = page.getByRole("region", { name: /Drop-off per step on version/ });
    await expect(canvas.locator(`[title^="${handoffEntered} entered · ${handoffMovedOn} moved on · 0 dropped"]`).first()).toBeAttached();
    await page.screenshot({ path: test.info().outputPath("analytics.png"), fullPage: true });

    const exportHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const csv = await page.request.get(exportHref ?? "/api/analytics/export");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain(`summary,conversations started,${startedBefore + 1},`);
  });

  test("a new handoff appears in an open inbox without a reload, unread until it is opened", async ({ page, request }) => {
    const phone = `1556${String(Date.now()).slice(-7)}`;
    const name = `Live Customer ${phone.slice(-4)}`;
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto("/inbox");
    await expect(page.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible();
    await page.evaluate(() => {
      (window as Window & { loadedBeforeTheHandoff?: boolean }).loadedBeforeTheHandoff = true;
    });

    const { body, signature } = buildSignedWebhook({
      phoneNumberId: PHONE_NUMBER_ID,
      appSecret: APP_SECRET,
      messages: [{ from: phone, name, id: `wamid.E2ELIVE${phone}`, timestamp: Math.floor(Date.now() / 1000), content: { type: "text", text: FIRST_MESSAGE } }],
    });
    const delivered = await request.post("/api/webhooks/whatsapp", {
      data: body,
      headers: { "content-type": "application/json", "x-hub-signature-256": signature },
    });

    // Well inside the 30 s fallback poll: only the event stream can have brought it.
    expect(delivered.status()).toBe(200);
    const entry = page.getByRole("list", { name: "Conversations" }).getByRole("button", { name: new RegExp(name) });
    await expect(entry).toBeVisible({ timeout: 10_000 });
    await expect(entry.getByRole("img", { name: "New messages" })).toBeVisible();
    expect(await page.evaluate(() => (window as Window & { loadedBeforeTheHandoff?: boolean }).loadedBeforeTheHandoff)).toBe(true);
    await page.screenshot({ path: test.info().outputPath("inbox-unread.png"), fullPage: true });

    await entry.click();
    await expect(page.getByRole("article", { name: `Conversation with ${name}` }).getByRole("list", { name: "Transcript" })).toContainText(FIRST_MESSAGE);
    await expect(entry.getByRole("img", { name: "New messages" })).toHaveCount(0);

    // The read is stored, not only hidden on this page.
    await page.goto("/inbox");
    await expect(entry).toBeVisible();
    await expect(entry.getByRole("img", { name: "New messages" })).toHaveCount(0);
  });

  test("the inbox API and its event stream refuse callers who are not signed in", async ({ request }) => {
    const list = await request.get("/api/inbox", { maxRedirects: 0 });
    const events = await request.get("/api/inbox/events", { maxRedirects: 0 });

    expect([401, 307]).toContain(list.status());
    expect([401, 307]).toContain(events.status());
  });
});
