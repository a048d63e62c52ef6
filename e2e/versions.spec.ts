import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./support/accounts";
import { startFakeGraph, type FakeGraph } from "../runtime/whatsapp/fake-graph";
import { buildSignedWebhook, newWamid } from "../runtime/whatsapp/build-webhook-payload";

/*
 * Publish v1 and v2, start a WhatsApp conversation on v2 and leave it at a question, roll back to v1, then show
 * the running conversation finishing on v2 while a new one runs v1. Replies are read at a fake Graph API this
 * test starts and points its own channel at (created through the Channels page), so no other spec interferes.
 */

const suffix = randomBytes(3).toString("hex");
const FLOW_NAME = `Rollback demo ${suffix}`;
const APP_SECRET = `e2e-app-secret-${suffix}`;
const PHONE_NUMBER_ID = `3${Date.now().toString().slice(-10)}`;
const EDITOR = { name: "Eddie Editor", email: `eddie-${suffix}@example.com`, password: "eddie-password-1" };
const FIRST_CUSTOMER = "447700900101";
const SECOND_CUSTOMER = "447700900202";

function flowDocument(version: "one" | "two") {
  return {
    schemaVersion: 1,
    name: FLOW_NAME,
    settings: { defaultHandoffNodeId: "agent", fields: [{ key: "order_ref", label: "Order reference" }] },
    nodes: [
      { id: "start", type: "start", position: { x: 0, y: 0 }, data: { greeting: `Hello from version ${version}` } },
      {
        id: "ask",
        type: "ask",
        position: { x: 320, y: 0 },
        data: { prompt: "What is your order reference?", answer: { kind: "free_text", check: { kind: "none" } }, saveTo: "order_ref" },
      },
      { id: "done", type: "end", position: { x: 640, y: 0 }, data: { text: `Version ${version} noted {{order_ref}}. Bye!` } },
      { id: "agent", type: "handoff", position: { x: 640, y: 200 }, data: { queue: "Support" } },
    ],
    edges: [
      { id: "e1", source: "start", sourcePort: "next", target: "ask" },
      { id: "e2", source: "ask", sourcePort: "answered", target: "done" },
      { id: "e3", source: "ask", sourcePort: "gave_up", target: "agent" },
    ],
  };
}

async function saveDraft(request: APIRequestContext, flowId: string, document: unknown): Promise<void> {
  const current = await request.get(`/api/flows/${flowId}/draft`);
  expect(current.status()).toBe(200);
  const { revision } = (await current.json()) as { revision: number };
  const saved = await request.put(`/api/flows/${flowId}/draft`, { data: { revision, document } });
  expect(saved.status()).toBe(200);
}

async function publishFromHistory(page: Page, flowId: string, note: string, expectedNumber: number): Promise<void> {
  await page.goto(`/flows/${flowId}/versions`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Publish this flow" });
  await dialog.getByLabel("What changed? (optional)").fill(note);
  await dialog.getByRole("button", { name: "Publish now" }).click();
  await expect(dialog.getByRole("status")).toHaveText(`Published as version ${expectedNumber}. It is live now.`);
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
}

async function sendText(request: APIRequestContext, from: string, text: string): Promise<void> {
  const { body, signature } = buildSignedWebhook({
    phoneNumberId: PHONE_NUMBER_ID,
    appSecret: APP_SECRET,
    messages: [{ from, id: newWamid(), timestamp: Math.floor(Date.now() / 1000), content: { type: "text", text } }],
  });
  // The webhook caches channel credentials for a few seconds, so a just-created channel may need a second try.
  await expect
    .poll(async () => {
      const response = await request.post("/api/webhooks/whatsapp", {
        data: body,
        headers: { "content-type": "application/json", "x-hub-signature-256": signature },
      });
      return response.status();
    })
    .toBe(200);
}

function textsTo(graph: FakeGraph, phone: string): string[] {
  return graph
    .sent()
    .filter((send) => send.to.replace(/\D/g, "") === phone)
    .map((send) => {
      const body = send.body as { text?: { body?: string }; interactive?: { body?: { text?: string } } };
      return body.text?.body ?? body.interactive?.body?.text ?? send.type;
    });
}

test.describe("versions, rollback and channels", () => {
  let graph: FakeGraph;

  test.beforeAll(async () => {
    graph = await startFakeGraph({ port: 0 });
  });

  test.afterAll(async () => {
    await graph.close();
  });

  test("a rollback serves new conversations v1 while a running one finishes on v2; editors cannot roll back", async ({ page, browser }) => {
    test.setTimeout(180_000);
    await signIn(page, ADMIN.email, ADMIN.password);

    // An editor for the permission checks at the end.
    await page.goto("/settings/users");
    const people = page.getByRole("form", { name: "Add a person" });
    await people.getByLabel("Name").fill(EDITOR.name);
    await people.getByLabel("Email").fill(EDITOR.email);
    await people.getByLabel("Role").selectOption("editor");
    await people.getByLabel("Temporary password").fill(EDITOR.password);
    await people.getByRole("button", { name: "Add person" }).click();
    await expect(people.getByRole("status")).toContainText("can now sign in as Editor");

    // A flow of our own, its draft set through the draft API, published from the version history page.
    await page.goto("/flows");
    await page.getByRole("button", { name: "New flow" }).click();
    await page.getByRole("dialog").getByLabel("Flow name").fill(FLOW_NAME);
    await page.getByRole("dialog").getByRole("button", { name: "Create flow" }).click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}\//);
    const flowId = /\/flows\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? "";
    expect(flowId).not.toBe("");

    await saveDraft(page.request, flowId, flowDocument("one"));
    await publishFromHistory(page, flowId, "First greeting", 1);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Publish now" }).click();
    await expect(page.getByRole("dialog").getByRole("status")).toHaveText(
      "Nothing new to publish: the draft is the same as the live version 1.",
    );
    await page.keyboard.press("Escape");

    await saveDraft(page.request, flowId, flowDocument("two"));
    await publishFromHistory(page, flowId, "Second greeting", 2);
    const v2Row = page.getByRole("row", { name: "Version 2" });
    await expect(v2Row.getByText("Live")).toBeVisible();
    await expect(page.getByRole("row", { name: "Version 1" }).getByText("First greeting")).toBeVisible();

    // The diff between the two versions, as a list and on the canvas.
    await v2Row.getByRole("link", { name: "Changes since v1" }).click();
    await expect(page.getByRole("heading", { name: "Changes from v1 to v2" })).toBeVisible();
    const diff = page.getByTestId("diff-list");
    await expect(diff.getByRole("region", { name: "Steps changed" })).toContainText("Greeting: “Hello from version one” → “Hello from version two”");
    await expect(diff.getByRole("region", { name: "Steps changed" })).toContainText("Message: “Version one noted {{order_ref}}. Bye!”");
    await page.screenshot({ path: test.info().outputPath("compare-versions.png"), fullPage: true });

    // Our own WhatsApp number, bound to the flow and sending to the fake Graph API.
    await page.goto("/settings/channels");
    const add = page.getByRole("form", { name: "Add a WhatsApp number" });
    await add.getByLabel("Name").fill(`Rollback line ${suffix}`);
    await add.getByLabel("Flow it runs").selectOption({ label: FLOW_NAME });
    await add.getByLabel("Phone number ID").fill(PHONE_NUMBER_ID);
    await add.getByLabel("Display number").fill("15550000303");
    await add.getByLabel("Graph API address").fill(graph.url);
    await add.getByLabel("App secret").fill(APP_SECRET);
    await add.getByLabel("Access token").fill("e2e-access-token");
    await add.getByRole("button", { name: "Add number" }).click();
    await expect(add.getByRole("status")).toContainText("Number added");
    const card = page.getByRole("region", { name: `Rollback line ${suffix}` });
    await expect(card).toContainText(`runs “${FLOW_NAME}”`);
    await expect(card.getByRole("textbox", { name: "Webhook URL" })).toHaveValue(/\/api\/webhooks\/whatsapp$/);
    expect(await page.content()).not.toContain(APP_SECRET);
    await page.screenshot({ path: test.info().outputPath("channels.png"), fullPage: true });

    // "Send test message" goes out through the outbox to the number's Graph API.
    await card.getByText("Send a test message").click();
    const testForm = card.getByRole("form", { name: `Send a test message from Rollback line ${suffix}` });
    await testForm.getByLabel("To phone number").fill("+44 7700 900303");
    await testForm.getByRole("button", { name: "Send test message" }).click();
    await expect(testForm.getByRole("status")).toHaveText("Test message queued to +447700900303. It is sent within seconds.");
    await expect.poll(() => textsTo(graph, "447700900303")).toEqual(["This is a test message from Threadline."]);

    // The first customer starts on v2 and stops at the question.
    await sendText(page.request, FIRST_CUSTOMER, "hi");
    await expect.poll(() => textsTo(graph, FIRST_CUSTOMER)).toEqual(["Hello from version two", "What is your order reference?"]);

    // Roll back to v1 as admin, after seeing what changes.
    await page.goto(`/flows/${flowId}/versions`);
    await page.getByRole("row", { name: "Version 1" }).getByRole("button", { name: "Roll back to v1" }).click();
    const confirm = page.getByRole("dialog", { name: "Roll back to version 1?" });
    await expect(confirm.getByTestId("diff-list")).toContainText("From live version 2 to version 1: 2 steps changed");
    await expect(confirm).toContainText("Greeting: “Hello from version two” → “Hello from version one”");
    await page.screenshot({ path: test.info().outputPath("rollback-dialog.png"), fullPage: true });
    await confirm.getByRole("button", { name: "Make version 1 live" }).click();
    await expect(confirm.getByRole("status")).toHaveText("Version 1 is live again. New conversations use it from now on.");
    await confirm.getByRole("button", { name: "Close", exact: true }).click();

    // The running conversation finishes on v2; a new one runs v1.
    await sendText(page.request, FIRST_CUSTOMER, "AB-123");
    await sendText(page.request, SECOND_CUSTOMER, "hello");
    await expect.poll(() => textsTo(graph, FIRST_CUSTOMER).at(-1)).toBe("Version two noted AB-123. Bye!");
    await expect.poll(() => textsTo(graph, SECOND_CUSTOMER)).toEqual(["Hello from version one", "What is your order reference?"]);

    await page.reload();
    await expect(page.getByRole("row", { name: "Version 1" }).getByText("Live")).toBeVisible();
    await expect(page.getByTestId("conversations-v2")).toHaveText("1 started · 0 still open");
    await expect(page.getByTestId("conversations-v1")).toHaveText("1 started · 1 still open");
    await page.screenshot({ path: test.info().outputPath("version-history.png"), fullPage: true });
    const v2Id = /versions\/([0-9a-f-]{36})$/.exec(
      (await page.getByRole("row", { name: "Version 2" }).getByRole("link", { name: "View v2" }).getAttribute("href")) ?? "",
    )?.[1];

    // Any version opens read-only on the canvas.
    await page.getByRole("row", { name: "Version 2" }).getByRole("link", { name: "View v2" }).click();
    await expect(page.getByRole("heading", { name: `${FLOW_NAME} · version 2` })).toBeVisible();
    await expect(page.getByRole("region", { name: "Flow of version 2" })).toContainText("Hello from version two");
    await page.screenshot({ path: test.info().outputPath("version-view.png"), fullPage: true });
    await page.getByRole("link", { name: "Back to version history" }).click();

    // "Restore as draft" copies a version back into the draft.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("row", { name: "Version 1" }).getByRole("button", { name: "Restore as draft" }).click();
    await expect(page.getByRole("row", { name: "Version 1" }).getByRole("status")).toHaveText("The draft is now a copy of version 1.");
    const draft = (await (await page.request.get(`/api/flows/${flowId}/draft`)).json()) as { document: ReturnType<typeof flowDocument> };
    expect(draft.document.nodes[0]?.data).toMatchObject({ greeting: "Hello from version one" });

    // The audit log names the rollback in plain words.
    await page.goto("/settings/audit");
    await page.getByLabel("Kind").selectOption({ label: "Rollbacks" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/kind=rollbacks/);
    await expect(page.getByRole("cell", { name: `Admin rolled “${FLOW_NAME}” back to version 1 (version 2 was live)` })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("audit-log.png"), fullPage: true });

    // An editor sees no rollback button, and the server refuses the rollback.
    const editorContext = await browser.newContext();
    const editor = await editorContext.newPage();
    await signIn(editor, EDITOR.email, EDITOR.password);
    await editor.goto(`/flows/${flowId}/versions`);
    await expect(editor.getByRole("row", { name: "Version 2" })).toBeVisible();
    await expect(editor.getByRole("button", { name: /Roll back/ })).toHaveCount(0);
    await expect(editor.getByRole("button", { name: "Publish", exact: true })).toBeVisible();
    const refused = await editor.request.post(`/api/flows/${flowId}/rollback`, { data: { versionId: v2Id } });
    expect(refused.status()).toBe(403);
    await editorContext.close();

    // The admin may use the same endpoint.
    const allowed = await page.request.post(`/api/flows/${flowId}/rollback`, { data: { versionId: v2Id } });
    expect(allowed.status()).toBe(200);
    expect(await allowed.json()).toEqual({ number: 2, previousNumber: 1 });
  });
});
