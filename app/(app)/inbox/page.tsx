import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  await requirePageRole("agent");
  return (
    <>
      <PageHeader title="Inbox" description="Conversations handed over to your team, with everything the bot collected." />
      <EmptyState icon="📥" title="Nothing here yet">
        No conversations are waiting for an agent. When the bot hands a customer over, they appear here.
      </EmptyState>
    </>
  );
}
