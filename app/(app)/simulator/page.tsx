import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Simulator" };

export default async function SimulatorPage() {
  await requirePageRole("tester");
  return (
    <>
      <PageHeader title="Simulator" description="Try any version of a flow as a customer would on WhatsApp — no phone needed." />
      <EmptyState icon="📱" title="Nothing here yet">
        The simulator is being built. Until then, send test messages with npm run send-webhook.
      </EmptyState>
    </>
  );
}
