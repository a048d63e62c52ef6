"use server";

import { withRole } from "@/lib/auth/with-role";
import { ok, err, type Result } from "@/lib/result";
import {
  caseIdSchema,
  flowIdSchema,
  replaySchema,
  rewindSchema,
  saveCaseSchema,
  sendChatInputSchema,
  sessionSchema,
  startSimulationSchema,
} from "@/components/simulator/simulator-input";
import {
  caseFromSession,
  getSimulatorView,
  replayCase,
  restartSimulation,
  rewindSimulation,
  sendSimulatorInput,
  startSimulation,
} from "@/runtime/simulator";
import { deleteSimulatorCase, listSimulatorCases, saveSimulatorCase } from "@/db/queries/simulator";

export const startSimulationAction = withRole("tester", startSimulationSchema, (input, actor) =>
  startSimulation(actor, {
    flowId: input.flowId,
    choice: input.choice,
    customer: {
      name: input.customer.name,
      phone: input.customer.phone,
      fields: Object.fromEntries(input.customer.fields.map((field) => [field.key, field.value])),
    },
  }),
);

export const getSimulatorViewAction = withRole("tester", sessionSchema, (input, actor) => getSimulatorView(actor, input.sessionId));

export const sendChatInputAction = withRole("tester", sendChatInputSchema, (input, actor) =>
  sendSimulatorInput(actor, input.sessionId, { kind: "customer", input: input.input }),
);

export const simulateTimeoutAction = withRole("tester", sessionSchema, (input, actor) =>
  sendSimulatorInput(actor, input.sessionId, { kind: "timeout" }),
);

export const restartSimulationAction = withRole("tester", sessionSchema, (input, actor) => restartSimulation(actor, input.sessionId));

export const rewindSimulationAction = withRole("tester", rewindSchema, (input, actor) =>
  rewindSimulation(actor, input.sessionId, input.toStep),
);

export const saveCaseAction = withRole("tester", saveCaseSchema, async (input, actor) => {
  const view = await getSimulatorView(actor, input.sessionId);
  if (!view.ok) return view;
  const content = caseFromSession(view.value, input.name);
  if (content.steps.length === 0) return err({ code: "empty", message: "Send at least one message before saving a test case." });
  const caseId = await saveSimulatorCase(actor, { flowId: view.value.flow.id, name: input.name, content });
  return ok({ caseId, content });
});

type SavedCaseRow = { id: string; name: string; createdAt: string; content: unknown };

export const listCasesAction = withRole("tester", flowIdSchema, async (input, actor): Promise<Result<SavedCaseRow[], never>> =>
  ok(
    (await listSimulatorCases(actor, input.flowId)).map((row) => ({
      id: row.id,
      name: row.name,
      createdAt: row.createdAt.toISOString(),
      content: row.content,
    })),
  ),
);

export const deleteCaseAction = withRole("tester", caseIdSchema, async (input, actor) =>
  (await deleteSimulatorCase(actor, input.caseId)) ? ok(true) : err({ code: "not_found", message: "That test case is already gone." }),
);

export const replayCaseAction = withRole("tester", replaySchema, (input, actor) =>
  replayCase(actor, { flowId: input.flowId, choice: input.choice, testCase: input.testCase }),
);
