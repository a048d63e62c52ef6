import type { FlowDocument } from "@/lib/flow/flow-document";

/** Server actions the editor page hands to the client editor (components never import app/ or db/). */
export type ActionFailure = { ok: false; error: { code: string; message: string; problems?: string[]; currentRevision?: number } };

export type SaveDraftAction = (input: { flowId: string; revision: number; document: FlowDocument }) => Promise<{ ok: true; value: { revision: number } } | ActionFailure>;
