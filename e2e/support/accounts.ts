import { expect, type Page } from "@playwright/test";

export const ADMIN = {
  email: "admin@threadline.local",
  password: process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password",
};

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Threadline" })).toBeVisible();
}

/** Our own alerts, not Next's empty route announcer (which also has role="alert"). */
export function alertMessage(page: Page) {
  return page.getByRole("alert").filter({ hasText: /\S/ });
}
