import { expect, test, type Locator, type Page } from "@playwright/test";
import { completeSupportDeskTemplate } from "../lib/flow/templates";
import type { FlowDocument } from "../lib/flow/flow-document";
import { ADMIN, signIn, signOut } from "./support/accounts";

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const TESTER = { name: "Tess Tester", email: `tess.${run}@example.com`, password: "tester-password-1", role: "tester" };
const FLOW_NAME = `Support desk for the simulator ${run}`;
const CHANGED_PROMPT = "Which billing matter is it?";

let flowId = "";

/** Version 1 is the template; version 2 (live) asks the billing question in other words. */
function versions(): FlowDocument[] {
  const original = completeSupportDeskTemplate.build();
  const changed: FlowDocument = {
    ...original,
    nodes: original.nodes.map((node) =>
      node.type === "ask" && node.id === "ask_billing" ? { ...node, data: { ...node.data, prompt: CHANGED_PROMPT } } : node,
    ),
  };
  return [original, changed];
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  const user = await page.request.post("/api/users", { data: TESTER });
  expect(user.status()).toBe(201);
  const imported = await page.request.post("/simulator/flows", { data: { name: FLOW_NAME, documents: versions() } });
  expect(imported.status()).toBe(201);
  flowId = ((await imported.json()) as { flowId: string }).flowId;
  await page.close();
});

const phone = (page: Page) => page.getByRole("region", { name: "Simulated phone" });

async function startAsTester(page: Page, version: string, fields: Record<string, string> = {}) {
  await signIn(page, TESTER.email, TESTER.password);
  await page.goto(`/simulator?flow=${flowId}`);
  await page.getByLabel("Version").selectOption({ label: version });
  for (const [index, [key, value]] of Object.entries(fields).entries()) {
    await page.getByRole("button", { name: "Add a field" }).click();
    await page.getByLabel(`Field ${index + 1} name`).fill(key);
    await page.getByLabel(`Field ${index + 1} value`).fill(value);
  }
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByRole("heading", { name: "Simulator" })).toBeVisible();
  await expect(phone(page).getByText("Say hi to start")).toBeVisible();
}

async function say(chat: Locator, text: string) {
  await chat.getByLabel("Message").fill(text);
  await chat.getByRole("button", { name: "Send", exact: true }).click();
  await expect(chat.getByTestId("customer-message").last()).toContainText(text);
}

async function tap(chat: Locator, title: string) {
  await chat.getByRole("button", { name: title, exact: true }).last().click();
}

async function pick(chat: Locator, listButton: string, row: string) {
  await chat.getByRole("button", { name: listButton }).last().click();
  const sheet = chat.getByRole("dialog", { name: listButton });
  await sheet.getByRole("radio", { name: new RegExp(`^${row}`) }).check();
  await sheet.getByRole("button", { name: "Send" }).click();
  await expect(sheet).toBeHidden();
}

const bot = (chat: Locator, text: string | RegExp) => chat.getByTestId("bot-message").filter({ hasText: text }).last();
const canvasNode = (page: Page, nodeId: string) => page.locator(`[data-testid="flow-node"][data-node-id="${nodeId}"]`);
const CURRENT = "Current step of the simulated conversation";

async function restart(page: Page) {
  const before = page.url();
  await page.getByRole("button", { name: "Restart", exact: true }).click();
  await expect(page).not.toHaveURL(before);
  await expect(phone(page).getByTestId("customer-message")).toHaveCount(0);
}

test.describe("the WhatsApp simulator", () => {
  test("a tester walks categorization, status, troubleshooting and scheduling with a list, buttons and free text", async ({ page }) => {
    test.setTimeout(180_000);
    await startAsTester(page, "Version 2 · live — Imported version 2");
    const chat = phone(page);

    // 1 categorize (list) → 2 status & tracking (free text)
    await say(chat, "hi");
    await expect(bot(chat, "What can I help you with today?")).toBeVisible();
    await expect(canvasNode(page, "choose_topic")).toHaveAttribute("title", CURRENT);
    await pick(chat, "Choose a topic", "Order status");
    await expect(bot(chat, "What's your order number?")).toBeVisible();
    await say(chat, "AB-12345");
    await expect(bot(chat, "Order AB-12345 is shipped.")).toBeVisible();
    await expect(canvasNode(page, "order_ok")).toHaveAttribute("title", CURRENT);
    await expect(canvasNode(page, "find_order")).toHaveAttribute("title", /Visited/);
    const checklist = page.getByTestId("checklist");
    await expect(checklist).toContainText("Order status");
    await expect(checklist).toContainText("Complete");
    await expect(checklist).toContainText("Order number");
    await expect(page.getByTestId("fields-list")).toContainText("AB-12345");
    await page.getByRole("button", { name: "Show JSON" }).click();
    await expect(chat.getByTestId("cloud-json").last()).toContainText('"type": "button"');
    await page.screenshot({ path: test.info().outputPath("1-status-with-json.png"), fullPage: true });
    await page.getByRole("button", { name: "Hide JSON" }).click();
    await tap(chat, "Yes, all good");
    await expect(bot(chat, "glad that's sorted")).toBeVisible();

    // 4 troubleshooting (buttons, a list, "did this fix it?")
    await restart(page);
    await say(chat, "hello");
    await pick(chat, "Choose a topic", "Can't log in");
    await tap(chat, "Android");
    await pick(chat, "Pick one", "Password not accepted");
    await expect(bot(chat, "Reset your password")).toBeVisible();
    await expect(canvasNode(page, "login_fixes")).toHaveAttribute("title", CURRENT);
    await expect(page.getByTestId("checklist")).toContainText("Login problem");
    await tap(chat, "Yes, fixed");
    await expect(bot(chat, "glad that's sorted")).toBeVisible();

    // 5 scheduling
    await restart(page);
    await say(chat, "hi there");
    await pick(chat, "Choose a topic", "Appointments");
    await tap(chat, "Book");
    await pick(chat, "See times", "Tue 10:00");
    await expect(bot(chat, "See you then!")).toBeVisible();
    await expect(page.getByTestId("fields-list")).toContainText("Tue 10:00");
    await expect(page.getByTestId("trace")).toContainText("effect: book Tue 10:00");
    await page.screenshot({ path: test.info().outputPath("2-scheduling.png"), fullPage: true });
  });

  test("a tester verifies with the code from the phone notification, uploads claim documents and sees the handoff", async ({ page }) => {
    test.setTimeout(180_000);
    await startAsTester(page, "Version 2 · live — Imported version 2");
    const chat = phone(page);

    // 3 verification (one-time code as a notification) → 7 handoff with confirmation
    await say(chat, "hi");
    await pick(chat, "Choose a topic", "Change my address");
    const notification = chat.getByTestId("phone-notification");
    await expect(notification).toContainText("verification code is");
    const code = ((await notification.textContent()) ?? "").match(/(\d{6})/)?.[1] ?? "";
    expect(code).toMatch(/^\d{6}$/);
    await page.screenshot({ path: test.info().outputPath("3-code-notification.png"), fullPage: true });
    await say(chat, code);
    await expect(bot(chat, "What's the new address?")).toBeVisible();
    await expect(canvasNode(page, "ask_new_address")).toHaveAttribute("title", CURRENT);
    await say(chat, "1 High Street, Leeds LS1 1AA");
    await expect(bot(chat, "passing this to our Accounts team")).toBeVisible();
    await expect(chat.getByTestId("handoff-banner")).toContainText("Handed to Accounts");
    await expect(page.getByTestId("checklist")).toContainText("Address update");
    await expect(page.getByTestId("fields-list")).toContainText("•••• (sensitive)");

    // 6 document collection (uploads checked by type) → 7 handoff to claims
    await restart(page);
    await say(chat, "hi");
    await pick(chat, "Choose a topic", "Damage claim");
    await expect(bot(chat, "photo or PDF of your receipt")).toBeVisible();
    await chat.getByLabel("File to send").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a receipt") });
    await expect(bot(chat, "That file type isn't accepted")).toBeVisible();
    await chat.getByLabel("File to send").setInputFiles({ name: "receipt.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 receipt") });
    await expect(bot(chat, "photo of the damaged item")).toBeVisible();
    await chat.getByLabel("File to send").setInputFiles({ name: "damage.png", mimeType: "image/png", buffer: Buffer.from("89504e470d0a1a0a", "hex") });
    await expect(bot(chat, "what happened?")).toBeVisible();
    await expect(chat.getByTestId("customer-message").filter({ hasText: "damage.png" })).toContainText("image/png");
    await say(chat, "The box was crushed and the screen is cracked.");
    await expect(bot(chat, "passing this to our Claims team")).toBeVisible();
    const claim = page.getByTestId("checklist");
    await expect(claim).toContainText("Damage claim");
    await expect(claim).toContainText("Complete");
    await expect(canvasNode(page, "handoff_claims")).toHaveAttribute("title", CURRENT);
    await page.screenshot({ path: test.info().outputPath("4-claim-handoff.png"), fullPage: true });
  });

  test("a VIP customer is handed to priority support and the trigger is listed with its reason", async ({ page }) => {
    await startAsTester(page, "Version 2 · live — Imported version 2", { tier: "vip" });
    const chat = phone(page);

    await say(chat, "hi");

    await expect(bot(chat, "passing this to our Priority support team")).toBeVisible();
    await expect(page.getByTestId("triggers-list")).toContainText("VIP customer");
    await expect(page.getByRole("button", { name: "Simulate timeout" })).toBeDisabled();
  });

  test("a saved conversation replays clean on its version and shows the changed reply on the next", async ({ page }) => {
    await startAsTester(page, "Version 1 — Imported version 1");
    const chat = phone(page);
    await say(chat, "hi");
    await pick(chat, "Choose a topic", "Billing & refunds");
    await expect(bot(chat, "Sure, which of these is it about?")).toBeVisible();

    await page.getByLabel("Test case name").fill("Billing question");
    await page.getByRole("button", { name: "Save as test case" }).click();
    await expect(page.getByRole("list", { name: "Saved test cases" })).toContainText("Billing question");
    await page.getByLabel("Replay against").selectOption({ label: "Version 1 — Imported version 1" });
    await page.getByRole("button", { name: "Replay Billing question" }).click();
    const report = page.getByTestId("replay-report");
    await expect(report).toContainText("Passed");
    await expect(report).toContainText("on Version 1");

    await page.getByLabel("Replay against").selectOption({ label: "Live version (v2)" });
    await page.getByRole("button", { name: "Replay Billing question" }).click();
    await expect(report).toContainText("Differs");
    await expect(report).toContainText("Version 2 (live)");
    await expect(report).toContainText(CHANGED_PROMPT);
    await expect(report.getByRole("row").filter({ hasText: "✗" })).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath("5-replay-differs.png"), fullPage: true });
  });

  test("rewind goes back to before a step and the timeout ends a quiet conversation", async ({ page }) => {
    await startAsTester(page, "Version 2 · live — Imported version 2");
    const chat = phone(page);
    await say(chat, "hi");
    await pick(chat, "Choose a topic", "Order status");
    await say(chat, "AB-67890");
    await expect(bot(chat, "delivered")).toBeVisible();

    await page.getByRole("button", { name: "Go back to before step 3" }).click();
    await expect(page.getByRole("button", { name: "Go back to before step 3" })).toHaveCount(0);
    await expect(bot(chat, "What's your order number?")).toBeVisible();
    await expect(canvasNode(page, "find_order")).toHaveAttribute("title", CURRENT);

    await page.getByRole("button", { name: "Simulate timeout" }).click();
    await expect(chat.getByText("Conversation ended")).toBeVisible();
    await expect(page.getByTestId("trace")).toContainText("Inactivity timeout");
    await signOut(page);
  });
});
