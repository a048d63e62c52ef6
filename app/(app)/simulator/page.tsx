import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { SimulatorSetup } from "@/components/simulator/simulator-setup";
import { SimulatorWorkspace } from "@/components/simulator/simulator-workspace";
import type { FlowOption } from "@/components/simulator/flow-option";
import { listSimulatorFlows } from "@/db/queries/simulator";
import { getSimulatorView } from "@/runtime/simulator";
import {
  deleteCaseAction,
  getSimulatorViewAction,
  listCasesAction,
  replayCaseAction,
  restartSimulationAction,
  rewindSimulationAction,
  saveCaseAction,
  sendChatInputAction,
  simulateTimeoutAction,
  startSimulationAction,
} from "./actions";

export const metadata: Metadata = { title: "Simulator" };
export const dynamic = "force-dynamic";

export default async function SimulatorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole("tester");
  const params = await searchParams;
  const sessionId = typeof params.session === "string" ? params.session : null;
  const preselectedFlow = typeof params.flow === "string" ? params.flow : null;
  const flows: FlowOption[] = (await listSimulatorFlows(actor)).map((flow) => ({
    id: flow.id,
    name: flow.name,
    versions: flow.versions.map((version) => ({ id: version.id, number: version.number, live: version.live, note: version.note, createdAt: version.createdAt.toISOString() })),
  }));
  const view = sessionId ? await getSimulatorView(actor, sessionId) : null;

  if (view?.ok) {
    return (
      <SimulatorWorkspace
        key={view.value.sessionId}
        initialView={view.value}
        flows={flows}
        actions={{
          send: sendChatInputAction,
          timeout: simulateTimeoutAction,
          restart: restartSimulationAction,
          rewind: rewindSimulationAction,
          refresh: getSimulatorViewAction,
          saveCase: saveCaseAction,
          listCases: listCasesAction,
          deleteCase: deleteCaseAction,
          replay: replayCaseAction,
        }}
      />
    );
  }

  return (
    <>
      <PageHeader title="Simulator" description="Try any version of a flow as a customer would on WhatsApp — no phone needed." />
      {view && !view.ok ? (
        <p role="alert" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {view.error.message}
        </p>
      ) : null}
      {flows.length === 0 ? (
        <EmptyState icon="📱" title="No flows to try yet">
          Create a flow first; then come back here to chat with it as a customer.
        </EmptyState>
      ) : (
        <SimulatorSetup flows={flows} initialFlowId={preselectedFlow} start={startSimulationAction} />
      )}
    </>
  );
}
