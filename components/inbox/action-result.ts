/** What the inbox's server actions answer, as far as the UI cares. */
export type ActionResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string[] | undefined> } };

export type InboxActions = {
  claim: (input: { handoffId: string }) => Promise<ActionResult>;
  assign: (input: { handoffId: string; assigneeId: string }) => Promise<ActionResult>;
  reply: (input: { handoffId: string; message: unknown }) => Promise<ActionResult>;
  resolve: (input: { handoffId: string; outcome: { kind: "close" } | { kind: "bot"; nodeId: string } }) => Promise<ActionResult>;
  markRead: (input: { handoffId: string; seq: number }) => Promise<ActionResult>;
};

/** The first field message of an invalid input, else the error's own message. */
export function actionMessage(result: Extract<ActionResult, { ok: false }>): string {
  const fields = result.error.fields ? Object.values(result.error.fields).flat() : [];
  return fields.find((message): message is string => typeof message === "string") ?? result.error.message;
}
