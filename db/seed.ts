import { count, eq } from "drizzle-orm";
import { channels, flows } from "./schema";
import type { Db } from "./connect";
import { createFirstAdmin } from "./queries/users";
import { insertLiveVersion } from "./queries/versions";
import { demoFlowDocument } from "./demo-flow";
import { sealSecret } from "@/lib/server/secret-box";
import { generatePassword } from "@/lib/auth/password";

export type SeedResult = { admin: { email: string; password: string; generated: boolean } | null; flowCreated: boolean };

export const DEFAULT_CHANNEL = {
  phoneNumberId: "100000000000001",
  displayPhoneNumber: "15550000001",
  verifyToken: "threadline-verify-token",
  appSecret: "threadline-dev-secret",
  accessToken: "threadline-dev-token",
  graphUrl: "http://127.0.0.1:4010",
} as const;

export const SIMULATOR_PHONE_NUMBER_ID = "simulator";

/**
 * Idempotent first-start seed: the admin, the demo flow published as version 1, the default WhatsApp channel
 * (from WHATSAPP_* or local defaults pointing at the fake Graph API) bound to it, and the simulator channel.
 */
export async function seedDatabase(
  db: Db,
  options: { authSecret: string; env?: Readonly<Record<string, string | undefined>> },
): Promise<SeedResult> {
  const env = options.env ?? process.env;
  return db.transaction(async (tx) => {
    const adminEmail = (env.ADMIN_EMAIL ?? "admin@threadline.local").trim().toLowerCase();
    const password = env.ADMIN_PASSWORD || generatePassword();
    const admin = await createFirstAdmin(tx, { email: adminEmail, name: "Admin", password });

    const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(flows);
    let flowId: string | null = null;
    if (total === 0) {
      const document = demoFlowDocument();
      const [flow] = await tx
        .insert(flows)
        .values({ name: document.name, description: document.description, draft: document, createdBy: admin?.id ?? null })
        .returning({ id: flows.id });
      if (!flow) throw new Error("insert returned no flow");
      flowId = flow.id;
      await insertLiveVersion(tx, { flowId, document, authorId: admin?.id ?? null, note: "Created on first start" });
    }

    const phoneNumberId = env.WHATSAPP_PHONE_NUMBER_ID || DEFAULT_CHANNEL.phoneNumberId;
    const [existing] = await tx.select({ id: channels.id }).from(channels).where(eq(channels.phoneNumberId, phoneNumberId));
    if (!existing) {
      await tx.insert(channels).values({
        kind: "whatsapp",
        name: "Default WhatsApp number",
        phoneNumberId,
        displayPhoneNumber: DEFAULT_CHANNEL.displayPhoneNumber,
        verifyToken: env.WHATSAPP_VERIFY_TOKEN || DEFAULT_CHANNEL.verifyToken,
        appSecretEncrypted: sealSecret(env.WHATSAPP_APP_SECRET || DEFAULT_CHANNEL.appSecret, options.authSecret),
        accessTokenEncrypted: sealSecret(env.WHATSAPP_ACCESS_TOKEN || DEFAULT_CHANNEL.accessToken, options.authSecret),
        graphUrl: env.WHATSAPP_GRAPH_URL || DEFAULT_CHANNEL.graphUrl,
        flowId,
      });
    }
    const [simulator] = await tx
      .select({ id: channels.id })
      .from(channels)
      .where(eq(channels.phoneNumberId, SIMULATOR_PHONE_NUMBER_ID));
    if (!simulator) {
      await tx.insert(channels).values({
        kind: "simulator",
        name: "Simulator",
        phoneNumberId: SIMULATOR_PHONE_NUMBER_ID,
        verifyToken: "",
        appSecretEncrypted: sealSecret("", options.authSecret),
        accessTokenEncrypted: sealSecret("", options.authSecret),
        graphUrl: "",
      });
    }

    return {
      admin: admin ? { email: admin.email, password, generated: !env.ADMIN_PASSWORD } : null,
      flowCreated: flowId !== null,
    };
  });
}
