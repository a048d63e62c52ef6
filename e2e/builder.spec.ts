import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./support/accounts";

const canvasNodes = (page: Page) => page.getByTestId("flow-node");
const node = (page: Page, id: string) => page.locator(`[data-testid=flow-node][data-node-id="${id}"]`);
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });

/** Drags with the mouse in small steps, as a person does (dnd-kit and React Flow both need real pointer moves). */
async function dragBetween(page: Page, from: Locator, to: { x: number; y: number }) {
  await from.scrollIntoViewIfNeeded();
  const box = await from.boundingBox();
  if (!box) throw new Error("nothing to drag");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 10, box.y + box.height / 2 + 5, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

async function centreOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function createFlowFromTemplate(page: Page, name: string) {
  await page.goto("/flows");
  await page.getByRole("button", { name: "New flow" }).click();
  await page.getByRole("radio", { name: /Order status & tracking/ }).check();
  await page.getByLabel("Flow name").fill(name);
  await page.getByRole("button", { name: "Create flow" }).click();
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]+\/edit$/);
  await expect(canvasNodes(page)).toHaveCount(4);
}

const saved = (page: Page) => expect(page.getByTestId("save-status")).toHaveText("All changes saved");

test("a manager builds from a template, edits, validates, undoes, exports, imports and reloads", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, ADMIN.email, ADMIN.password);
  const name = `Orders ${testInfo.testId.slice(0, 6)} ${Date.now()}`;
  await createFlowFromTemplate(page, name);
  await page.screenshot({ path: testInfo.outputPath("01-template.png") });

  // Drag a handoff from the palette onto an empty part of the canvas.
  const canvas = page.getByTestId("editor-canvas");
  const canvasBox = await canvas.boundingBox();
  if (!canvasBox) throw new Error("no canvas");
  await dragBetween(page, page.getByRole("button", { name: "Drag Hand off to an agent onto the canvas" }), {
    x: canvasBox.x + canvasBox.width * 0.45,
    y: canvasBox.y + canvasBox.height - 120,
  });
  await expect(canvasNodes(page)).toHaveCount(5);
  const handoff = canvasNodes(page).and(page.locator("[data-node-type=handoff]")).filter({ hasNot: page.getByText("Delivery team") });
  await expect(handoff).toHaveCount(1);
  await expect(handoff.getByTestId("node-issue-badge")).toBeVisible(); // nothing leads to it yet

  // Connect "Lookup failed" of the lookup to the new handoff.
  await dragBetween(page, node(page, "find_order").getByTestId("port-error"), await centreOf(handoff.locator(".react-flow__handle-left")));
  await expect(page.locator('.react-flow__edge[data-id="find_order.error"]')).toHaveCount(1);
  await expect(handoff.getByTestId("node-issue-badge")).toHaveCount(0);

  // Edit the lookup's question and see the WhatsApp preview follow.
  await node(page, "find_order").click();
  const question = inspector(page).getByLabel("Question", { exact: true });
  await question.fill("Which order is it? Send the number, like AB-12345.");
  await expect(inspector(page).getByTestId("whatsapp-preview")).toContainText("Which order is it?");
  await page.screenshot({ path: testInfo.outputPath("02-inspector.png") });

  // An ask with buttons: a fourth button makes the validator complain, removing it fixes it.
  await page.getByRole("button", { name: "Add Ask a question to the canvas" }).click();
  await expect(canvasNodes(page)).toHaveCount(6);
  await inspector(page).getByLabel("How the customer answers").selectOption({ label: "Reply buttons (up to 3)" });
  for (const title of ["Track order", "Return", "Refund", "Something else"]) {
    await inspector(page).getByRole("button", { name: "Add button" }).click();
    await inspector(page).getByTestId("choices-item").last().getByLabel("Title").fill(title);
  }
  await expect(inspector(page)).toContainText("has 4 buttons; WhatsApp allows at most 3");
  await page.screenshot({ path: testInfo.outputPath("03-four-buttons.png") });
  await inspector(page).getByRole("button", { name: "Remove button 4" }).click();
  await expect(inspector(page)).not.toContainText("has 4 buttons");

  // Undo brings the fourth button back, redo removes it again.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(inspector(page)).toContainText("has 4 buttons; WhatsApp allows at most 3");
  await page.keyboard.press("Control+Shift+Z");
  await expect(inspector(page)).not.toContainText("has 4 buttons");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(inspector(page)).toContainText("has 4 buttons");
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(inspector(page)).not.toContainText("has 4 buttons");

  // The Problems tab explains what still blocks publishing; the Publish button says why it is disabled.
  await inspector(page).getByRole("tab", { name: /Problems/ }).click();
  await expect(page.getByTestId("validation-panel")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("04-problems.png") });
  await expect(page.getByRole("button", { name: "Publish" })).toBeDisabled();
  await expect(page.getByText(/before publishing/)).toBeVisible();
  await page.getByTestId("validation-panel").getByRole("button").first().click();
  await expect(inspector(page).getByRole("tab", { name: "Step" })).toHaveAttribute("aria-selected", "true");
  await saved(page);

  // Export, then a bad file is refused with a list of problems, then the export comes back in after confirming.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export" }).click();
  const file = testInfo.outputPath("exported.json");
  await (await download).saveAs(file);
  expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ name, schemaVersion: 1 });

  const bad = testInfo.outputPath("bad.json");
  writeFileSync(bad, '{ "name": "Broken", "nodes": [ }');
  await page.getByLabel("Import a flow file").setInputFiles(bad);
  await expect(page.getByRole("dialog", { name: "This file can't be imported" })).toContainText("not valid JSON");
  await page.getByRole("button", { name: "Close", exact: true }).first().click();

  await page.getByRole("button", { name: "Add Send a message to the canvas" }).click();
  await expect(canvasNodes(page)).toHaveCount(7);
  await page.getByLabel("Import a flow file").setInputFiles(file);
  await expect(page.getByRole("dialog", { name: "Replace the draft?" })).toContainText("6 steps");
  await page.getByRole("button", { name: "Replace draft" }).click();
  await expect(canvasNodes(page)).toHaveCount(6);
  await saved(page);

  // Reload: the draft is intact.
  await page.reload();
  await expect(canvasNodes(page)).toHaveCount(6);
  await expect(page.locator('.react-flow__edge[data-id="find_order.error"]')).toHaveCount(1);
  await node(page, "find_order").click();
  await expect(inspector(page).getByLabel("Question", { exact: true })).toHaveValue("Which order is it? Send the number, like AB-12345.");
  await page.screenshot({ path: testInfo.outputPath("05-after-reload.png") });

  // Flow settings: a minimum-context checklist picks its fields from the flow's fields.
  await inspector(page).getByRole("tab", { name: "Flow settings" }).click();
  await inspector(page).getByRole("button", { name: "Add checklist" }).click();
  const checklist = inspector(page).getByTestId("checklists-item");
  await checklist.getByLabel("Topic (category id)").fill("delivery");
  await checklist.getByRole("button", { name: "Add requirement" }).click();
  await checklist.getByRole("checkbox", { name: "order_id" }).check();
  await expect(checklist.getByRole("checkbox", { name: "order_id" })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath("06-settings.png") });
});

test("a manager publishes from the editor, after the latest change is saved", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, ADMIN.email, ADMIN.password);
  await createFlowFromTemplate(page, `Publish ${Date.now()}`);
  await expect(page.getByText("Not published")).toBeVisible();

  // Publish straight after an edit: the dialog saves the draft first, so the edit is in version 1.
  await node(page, "find_order").click();
  await inspector(page).getByLabel("Question", { exact: true }).fill("Which order is it? Send the number, like AB-12345.");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Publish this flow" });
  await dialog.getByLabel("What changed? (optional)").fill("Clearer order question");
  await page.screenshot({ path: testInfo.outputPath("07-publish-dialog.png") });
  await dialog.getByRole("button", { name: "Publish now" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Published as version 1. It is live now.");
  await page.screenshot({ path: testInfo.outputPath("08-published.png") });
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  await expect(page.getByText("Version 1 live")).toBeVisible();
  await saved(page);

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await dialog.getByRole("button", { name: "Publish now" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Nothing new to publish: the draft is the same as the live version 1.");
});

test("the second person to save gets a conflict message and a way to reload", async ({ page, browser }, testInfo) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signIn(page, ADMIN.email, ADMIN.password);
  await createFlowFromTemplate(page, `Conflict ${Date.now()}`);
  const url = page.url();

  const other = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const second = await other.newPage();
  await signIn(second, ADMIN.email, ADMIN.password);
  await second.goto(url);
  await expect(canvasNodes(second)).toHaveCount(4);

  await page.getByRole("button", { name: "Add End to the canvas" }).click();
  await saved(page);

  await second.getByRole("button", { name: "Add Send a message to the canvas" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "Someone else changed this flow" })).toBeVisible();
  await expect(second.getByRole("button", { name: "Publish" })).toBeDisabled();
  await second.screenshot({ path: testInfo.outputPath("06-conflict.png") });

  await second.getByRole("button", { name: "Reload" }).click();
  await expect(canvasNodes(second)).toHaveCount(5);
  await expect(second.getByText("Your unsaved steps from before the reload are kept")).toBeVisible();
  await second.getByRole("button", { name: "Paste my steps" }).click();
  await expect(second.getByTestId("save-status")).toHaveText("All changes saved");
  await other.close();
});

test("a tester sees the canvas read-only, without palette or editing buttons", async ({ page, browser }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await createFlowFromTemplate(page, `Read only ${Date.now()}`);
  const url = page.url();
  const email = `tester-${Date.now()}@example.com`;
  await page.goto("/settings/users");
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Name").fill("Tess Tester");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("tester");
  await form.getByLabel("Temporary password").fill("tester-password-1");
  await form.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByText(email)).toBeVisible();

  const other = await browser.newContext();
  const tester = await other.newPage();
  await signIn(tester, email, "tester-password-1");
  await tester.goto("/flows");
  await expect(tester.getByRole("button", { name: "New flow" })).toHaveCount(0);
  await expect(tester.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await tester.goto(url);
  await expect(canvasNodes(tester)).toHaveCount(4);
  await expect(tester.getByText("View only")).toBeVisible();
  await expect(tester.getByRole("navigation", { name: "Steps you can add" })).toHaveCount(0);
  await node(tester, "find_order").click();
  await expect(inspector(tester).getByLabel("Question", { exact: true })).toBeDisabled();
  await other.close();
});

test("flows can be renamed, duplicated, searched and deleted after confirming", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  const stamp = Date.now();
  await createFlowFromTemplate(page, `Lifecycle ${stamp}`);
  await page.goto("/flows");

  await page.getByRole("button", { name: `Rename Lifecycle ${stamp}` }).click();
  await page.getByLabel("New name").fill(`Renamed ${stamp}`);
  await page.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(page.getByRole("link", { name: `Renamed ${stamp}` })).toBeVisible();

  await page.getByRole("button", { name: `Duplicate Renamed ${stamp}` }).click();
  await expect(page.getByRole("link", { name: `Copy of Renamed ${stamp}` })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search flows" }).fill(`Copy of Renamed ${stamp}`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("flow-row")).toHaveCount(1);

  await page.getByRole("button", { name: `Delete Copy of Renamed ${stamp}` }).click();
  await page.getByRole("button", { name: "Delete flow" }).click();
  await expect(page.getByText(`No flow matches`)).toBeVisible();
});
