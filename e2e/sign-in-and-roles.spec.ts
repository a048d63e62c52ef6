import { expect, test } from "@playwright/test";
import { ADMIN, alertMessage, signIn, signOut } from "./support/accounts";

test.describe("signing in and roles", () => {
  test("the seeded admin signs in, sees every section and signs out", async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);

    const nav = page.getByRole("navigation", { name: "Main" });
    for (const section of ["Flows", "Simulator", "Inbox", "Analytics", "Settings"]) {
      await expect(nav.getByRole("link", { name: section })).toBeVisible();
    }
    await expect(page.getByTestId("current-role")).toHaveText("Admin");
    await expect(page.getByRole("link", { name: "Complete support desk", exact: true })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("flows-page.png"), fullPage: true });

    await signOut(page);
    await page.goto("/flows");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("a wrong password shows an error and keeps the email", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(alertMessage(page)).toHaveText("That email and password don't match an active account.");
    await expect(page.getByLabel("Email")).toHaveValue(ADMIN.email);
  });

  test("an empty form gets field-level messages", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByText("Enter an email address like name@company.com")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeVisible();
  });

  test("repeated failures on one account are rate-limited with a clear message", async ({ page }) => {
    const email = "locked.out@example.com";
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      // A fresh page per attempt: the previous attempt's identical alert must not satisfy this one.
      await page.goto("/login");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong-${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(alertMessage(page)).toHaveText("That email and password don't match an active account.");
    }

    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("wrong-6");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(alertMessage(page)).toContainText("Too many failed attempts");
    await expect(alertMessage(page)).toContainText("paused for 15 minutes");
  });

  test("an admin adds a tester, who is refused Settings by page and by API", async ({ page, browser }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { name: "People" })).toBeVisible();

    const form = page.getByRole("form", { name: "Add a person" });
    await form.getByRole("button", { name: "Add person" }).click();
    await expect(form.getByText("Enter a name")).toBeVisible();

    await form.getByLabel("Name").fill("Tess Tester");
    await form.getByLabel("Email").fill("tess@example.com");
    await form.getByLabel("Role").selectOption("tester");
    await form.getByLabel("Temporary password").fill("tess-password-1");
    await form.getByRole("button", { name: "Add person" }).click();
    await expect(form.getByRole("status")).toHaveText("Tess Tester can now sign in as Tester.");
    await expect(page.getByRole("cell", { name: /tess@example.com/ })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("settings-users.png"), fullPage: true });

    const testerContext = await browser.newContext();
    const tester = await testerContext.newPage();
    await signIn(tester, "tess@example.com", "tess-password-1");
    await expect(tester.getByTestId("current-role")).toHaveText("Tester");
    await expect(tester.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
    await expect(tester.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" })).toHaveCount(0);

    const settings = await tester.goto("/settings/users");
    expect(settings?.status()).toBe(403);
    await expect(tester.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await tester.screenshot({ path: test.info().outputPath("forbidden.png"), fullPage: true });

    const listUsers = await tester.request.get("/api/users");
    expect(listUsers.status()).toBe(403);
    const createUser = await tester.request.post("/api/users", {
      data: { name: "Sneaky", email: "sneaky@example.com", role: "admin", password: "sneaky-password" },
    });
    expect(createUser.status()).toBe(403);
    const anonymous = await page.context().browser()?.newContext();
    const anonymousList = await anonymous?.request.get("/api/users");
    expect(anonymousList?.status()).toBe(401);

    await signOut(tester);
    await testerContext.close();
    await anonymous?.close();
  });

  test("an agent opens Flows from the navigation and sees flows, canvas and history read-only", async ({ page, browser }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    const email = `agent-${Date.now()}@example.com`;
    const created = await page.request.post("/api/users", { data: { name: "Aggie Agent", email, role: "agent", password: "agent-password-1" } });
    expect(created.status()).toBe(201);

    const agentContext = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const agent = await agentContext.newPage();
    await signIn(agent, email, "agent-password-1");
    await expect(agent).toHaveURL(/\/inbox$/);
    const nav = agent.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(["Flows", "Inbox"]);

    // The flows list, without New, Rename, Duplicate or Delete.
    await nav.getByRole("link", { name: "Flows" }).click();
    await expect(agent.getByRole("heading", { name: "Flows", exact: true })).toBeVisible();
    await expect(agent.getByRole("link", { name: "Complete support desk", exact: true })).toBeVisible();
    await expect(agent.getByRole("button", { name: "New flow" })).toHaveCount(0);
    await expect(agent.getByRole("button", { name: /^(Rename|Duplicate|Delete) / })).toHaveCount(0);
    await agent.screenshot({ path: test.info().outputPath("agent-flows.png"), fullPage: true });

    // The canvas: no palette, no Publish, and a dragged step stays where it was.
    await agent.getByRole("link", { name: "Complete support desk", exact: true }).click();
    await expect(agent).toHaveURL(/\/flows\/[0-9a-f-]{36}\/edit$/);
    const flowId = /\/flows\/([0-9a-f-]{36})\//.exec(agent.url())?.[1] ?? "";
    await expect(agent.getByText("View only")).toBeVisible();
    await expect(agent.getByRole("navigation", { name: "Steps you can add" })).toHaveCount(0);
    await expect(agent.getByRole("button", { name: "Publish" })).toHaveCount(0);
    const step = agent.locator(".react-flow__node", { has: agent.locator('[data-testid=flow-node][data-node-id="choose_topic"]') });
    await expect(step).toBeVisible();
    await expect(step).not.toHaveClass(/\bdraggable\b/);
    const placed = await step.evaluate((element) => (element as HTMLElement).style.transform);
    const box = await step.boundingBox();
    if (!box) throw new Error("step not on screen");
    await agent.mouse.move(box.x + box.width / 2, box.y + 12);
    await agent.mouse.down();
    await agent.mouse.move(box.x + box.width / 2 + 150, box.y + 112, { steps: 10 });
    await agent.mouse.up();
    expect(await step.evaluate((element) => (element as HTMLElement).style.transform)).toBe(placed);
    await expect(agent.getByTestId("save-status")).toHaveCount(0);
    await agent.screenshot({ path: test.info().outputPath("agent-canvas.png") });

    // The version history: versions to look at, nothing to publish, restore or roll back.
    await agent.getByRole("link", { name: "Versions" }).click();
    await expect(agent.getByRole("heading", { name: "Complete support desk · version history" })).toBeVisible();
    await expect(agent.getByRole("row", { name: "Version 1" })).toBeVisible();
    await expect(agent.getByRole("button", { name: /Publish|Restore as draft|Roll back/ })).toHaveCount(0);

    // The server refuses what the screens leave out.
    const draft = await agent.request.get(`/api/flows/${flowId}/draft`);
    expect(draft.status()).toBe(200);
    const { revision, document } = (await draft.json()) as { revision: number; document: unknown };
    expect((await agent.request.put(`/api/flows/${flowId}/draft`, { data: { revision, document } })).status()).toBe(403);
    expect((await agent.request.post(`/api/flows/${flowId}/rollback`, { data: { versionId: flowId } })).status()).toBe(403);
    expect((await agent.goto("/simulator"))?.status()).toBe(403);
    await expect(agent.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await agentContext.close();
  });

  test("the last admin cannot be demoted", async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto("/settings/users");

    await page.getByLabel("Role of Admin").selectOption("editor");

    await expect(alertMessage(page)).toHaveText("This is the last admin. Make someone else admin first.");
    await page.reload();
    await expect(page.getByLabel("Role of Admin")).toHaveValue("admin");
  });

  test("unknown pages get a friendly 404", async ({ page }) => {
    const response = await page.goto("/no-such-page");

    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  });
});
