import type { FlowDocument } from "../flow-document";
import { accountVerificationTemplate } from "./account-verification-template";
import { categorizeTemplate } from "./categorize-template";
import { completeSupportDeskTemplate } from "./complete-support-desk-template";
import { documentCollectionTemplate } from "./document-collection-template";
import { handoffTemplate } from "./handoff-template";
import { schedulingTemplate } from "./scheduling-template";
import { statusTrackingTemplate } from "./status-tracking-template";
import type { FlowTemplate } from "./template-kit";
import { troubleshootingTemplate } from "./troubleshooting-template";

export type { FlowTemplate, TemplatePattern } from "./template-kit";
export { completeSupportDeskTemplate };

/** Every product template: one per pattern in the source guide's order, then the complete desk. */
export const templates: readonly FlowTemplate[] = [
  categorizeTemplate,
  statusTrackingTemplate,
  accountVerificationTemplate,
  troubleshootingTemplate,
  schedulingTemplate,
  documentCollectionTemplate,
  handoffTemplate,
  completeSupportDeskTemplate,
];

/** A template by id, e.g. "complete-support-desk". */
export function findTemplate(id: string): FlowTemplate | undefined {
  return templates.find((template) => template.id === id);
}

/** The templates as plain JSON-serialisable documents, keyed by template id. */
export function templateDocuments(): Record<string, FlowDocument> {
  return Object.fromEntries(templates.map((template) => [template.id, template.build()]));
}
