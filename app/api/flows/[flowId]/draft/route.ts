import { z } from "zod";
import { withRouteRole, type RouteContext } from "@/lib/auth/with-role";
import { getFlowForEditor, saveDraft } from "@/db/queries/flows";
import { assertNever } from "@/lib/result";

/*
 * The draft as JSON, for flows kept as code and for scripts: GET returns {revision, document}; PUT {revision,
 * document} saves it with the same revision check the editor's autosave uses (409 when someone saved since).
 */

type FlowSegments = { flowId: string };
const flowIdOf = async ({ params }: RouteContext<FlowSegments>) => z.uuid().safeParse((await params).flowId);
const putSchema = z.object({ revision: z.number().int().min(1), document: z.unknown() });

export const GET = withRouteRole<FlowSegments>("viewer", async (_request, actor, context) => {
  const flowId = await flowIdOf(context);
  if (!flowId.success) return Response.json({ error: "not_found" }, { status: 404 });
  const flow = await getFlowForEditor(actor, flowId.data);
  if (flow.ok) return Response.json({ revision: flow.value.revision, document: flow.value.document });
  switch (flow.error.code) {
    case "not-found":
      return Response.json({ error: "not_found" }, { status: 404 });
    case "unreadable-draft":
      return Response.json({ error: "unreadable_draft", problems: flow.error.problems }, { status: 422 });
    default:
      return assertNever(flow.error);
  }
});

export const PUT = withRouteRole<FlowSegments>("editor", async (request, actor, context) => {
  const flowId = await flowIdOf(context);
  const body = putSchema.safeParse(await request.json().catch(() => null));
  if (!flowId.success) return Response.json({ error: "not_found" }, { status: 404 });
  if (!body.success) return Response.json({ error: "invalid", message: "Send JSON {\"revision\": <number>, \"document\": {…}}." }, { status: 400 });
  const saved = await saveDraft(actor, { flowId: flowId.data, revision: body.data.revision, document: body.data.document });
  if (saved.ok) return Response.json(saved.value);
  switch (saved.error.code) {
    case "not-found":
      return Response.json({ error: "not_found", message: saved.error.message }, { status: 404 });
    case "conflict":
      return Response.json({ error: "conflict", message: saved.error.message, currentRevision: saved.error.currentRevision }, { status: 409 });
    case "invalid":
      return Response.json({ error: "invalid", message: saved.error.message, problems: saved.error.problems }, { status: 422 });
    default:
      return assertNever(saved.error);
  }
});
