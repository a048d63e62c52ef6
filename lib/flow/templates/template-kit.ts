import { flowDocumentSchema, type FlowDocument, type FlowDocumentInput, type FlowEdge } from "../flow-document";

export type TemplatePattern =
  | "categorize"
  | "status_tracking"
  | "account_verification"
  | "troubleshooting"
  | "scheduling"
  | "document_collection"
  | "handoff"
  | "complete";

/** A starting point offered in "New flow"; build() returns a fresh, schema-parsed copy every time. */
export type FlowTemplate = {
  id: string;
  name: string;
  pattern: TemplatePattern;
  description: string;
  build(): FlowDocument;
};

export type NodeInput = FlowDocumentInput["nodes"][number];

const COLUMN = 320;
const ROW = 200;

/** Canvas position of a grid cell: columns run left to right, rows spread branches vertically. */
export const cell = (column: number, row = 0): { x: number; y: number } => ({ x: column * COLUMN, y: row * ROW });

/** One port, one edge: the id is derived from the port so it stays unique and readable. */
export const link = (source: string, sourcePort: string, target: string): FlowEdge => ({
  id: `${source}.${sourcePort}`,
  source,
  sourcePort,
  target,
});

/** Templates are written with schema defaults left out; parsing fills them exactly as an import would. */
export function defineTemplate(meta: Omit<FlowTemplate, "build">, document: () => FlowDocumentInput): FlowTemplate {
  return { ...meta, build: () => flowDocumentSchema.parse(document()) };
}

/** Handoff confirmation shared by the templates: says who replies and when, and that nothing needs repeating. */
export const handoffText =
  "Thanks, I'm passing this to our {{queue}} team with everything you've told me, so you won't need to repeat it. You'll get a reply here within {{eta}}.";
