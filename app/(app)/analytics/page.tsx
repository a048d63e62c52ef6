import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  await requirePageRole("tester");
  return (
    <>
      <PageHeader title="Analytics" description="How each flow performs" />
      <EmptyState icon="📊" title="Nothing here yet">
         containment, escalations, drop-off and satisfaction.:There is no conversation data to chart yet. Numbers appear once customers talk to a published flow.
      </EmptyState>
    </>
  );
}
