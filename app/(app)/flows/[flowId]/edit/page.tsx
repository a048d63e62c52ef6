import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";
import { grants } from "@/lib/auth/roles";
import { getFlowForEditor } from "@/db/queries/flows";
import { FlowEditor } from "@/components/editor/flow-editor";
import { EmptyState } from "@/components/ui/empty-state";
import { saveDraftAction } from "./actions";
import { publishFlowAction } from "../publish-actions";

export const metadata: Metadata = { title: "Edit flow" };

export default async function EditFlowPage({ params }: { params: Promise<{ flowId: string }> }) {
  const actor = await requirePageRole("viewer");
  const { flowId } = await params;
  // Every role may look at a flow; only editors and admins change it (the actions refuse the others too).
  const flow = await getFlowForEditor(actor, flowId);
  if (!flow.ok) {
    if (flow.error.code === "not-found") notFound();
    return (
      <EmptyState icon="⚠️" title="This draft can't be opened">
        <ul className="mt-2 list-disc text-left">
          {flow.error.problems.slice(0, 10).map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </EmptyState>
    );
  }
  return (
    <FlowEditor
      flowId={flow.value.id}
      revision={flow.value.revision}
      document={flow.value.document}
      readOnly={!grants(actor.role, "editor")}
      liveVersionNumber={flow.value.liveVersionNumber}
      saveDraft={saveDraftAction}
      publish={publishFlowAction}
    />
  );
}
