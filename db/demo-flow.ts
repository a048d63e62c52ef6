import { completeSupportDeskTemplate } from "@/lib/flow/templates";
import type { FlowDocument } from "@/lib/flow/flow-document";

/** The flow a fresh install starts with: the Complete support desk, live on the default channel. */
export function demoFlowDocument(): FlowDocument {
  return completeSupportDeskTemplate.build();
}
