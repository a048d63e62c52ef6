import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { flowDocumentSchema } from "../flow-document";
import { exportFlowJson } from "../flow-json";
import { validateFlow } from "../validate-flow";
import { completeSupportDeskTemplate, findTemplate, templateDocuments, templates } from "./index";

const desk = () => completeSupportDeskTemplate.build();

describe("templates", () => {
  it.each(templates.map((t) => [t.id, t] as const))("%s passes the validator with no errors and no warnings", (_, template) => {
    const flow = template.build();

    const report = validateFlow(flow);

    expect(report.issues).toEqual([]);
    expect(flowDocumentSchema.parse(flow)).toEqual(flow);
  });

  it("offers one template per pattern plus the complete desk, with unique ids", () => {
    const patterns = templates.map((t) => t.pattern);

    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    expect(patterns).toEqual([
      "categorize",
      "status_tracking",
      "account_verification",
      "troubleshooting",
      "scheduling",
      "document_collection",
      "handoff",
      "complete",
    ]);
    expect(findTemplate("complete-support-desk")).toBe(completeSupportDeskTemplate);
  });

  it("builds a fresh copy each time, so editing one never changes the template", () => {
    const first = desk();
    first.nodes.pop();

    expect(desk().nodes.length).toBe(first.nodes.length + 1);
  });

  it("keeps the committed JSON files in step with the templates", () => {
    const documents = templateDocuments();

    for (const [id, document] of Object.entries(documents)) {
      const file = readFileSync(join(import.meta.dirname, "json", `${id}.json`), "utf8");
      expect(file, `${id}.json is stale: run npm run flow -- templates lib/flow/templates/json`).toBe(exportFlowJson(document));
    }
  });

  it("lays nodes out left to right without overlaps", () => {
    for (const template of templates) {
      const flow = template.build();
      const positions = flow.nodes.map((n) => `${n.position.x},${n.position.y}`);
      const start = flow.nodes.find((n) => n.type === "start");

      expect(new Set(positions).size, template.id).toBe(positions.length);
      expect(start?.position.x, template.id).toBe(Math.min(...flow.nodes.map((n) => n.position.x)));
      for (const edge of flow.edges) {
        const source = flow.nodes.find((n) => n.id === edge.source);
        const target = flow.nodes.find((n) => n.id === edge.target);
        expect(target?.position.x ?? 0, `${template.id}: ${edge.id}`).toBeGreaterThan(source?.position.x ?? 0);
      }
    }
  });
});

describe("complete support desk", () => {
  it("routes up to ten topics, each with at least twelve example phrases", () => {
    const menu = desk().nodes.find((n) => n.id === "choose_topic");

    expect(menu?.type).toBe("categorize");
    if (menu?.type !== "categorize") return;
    expect(menu.data.categories.length).toBeLessThanOrEqual(10);
    for (const category of menu.data.categories) expect(category.examples.length, category.id).toBeGreaterThanOrEqual(12);
  });

  it("uses all seven patterns", () => {
    const types = new Set(desk().nodes.map((n) => n.type));

    for (const type of ["categorize", "status_lookup", "verify_identity", "troubleshoot", "schedule", "collect_documents", "handoff"] as const) {
      expect(types.has(type), type).toBe(true);
    }
  });

  it("declares the source guide's checklists and escalation triggers", () => {
    const { settings } = desk();

    expect(Object.fromEntries(settings.checklists.map((c) => [c.intent, c.requirements]))).toMatchObject({
      order_status: [["order_id"], ["customer_phone"]],
      login: [["email", "customer_phone"], ["error_type"], ["device"]],
      reschedule: [["appointment_id"], ["appointment_slot"]],
      address_update: [["verified"], ["new_address"]],
    });
    expect(settings.triggers.map((t) => t.rule.kind)).toEqual(["keyword", "negative_sentiment", "low_confidence", "high_value", "security", "flow_failure"]);
    expect(settings.defaultHandoffNodeId).toBe("handoff_general");
  });

  it("answers the sample orders from a static table", () => {
    const lookup = desk().nodes.find((n) => n.type === "status_lookup");

    const records = lookup?.type === "status_lookup" && lookup.data.source.kind === "static" ? lookup.data.source.records : [];
    const statusOf = (reference: string) => records.find((r) => r.reference === reference)?.values.status;

    expect(statusOf("AB-12345")).toBe("shipped");
    expect(statusOf("AB-67890")).toBe("delivered");
  });

  it("is guarded by the checklist proof: skipping the error question before the technical handoff is caught", () => {
    const flow = desk();
    const gaveUp = flow.edges.find((e) => e.id === "ask_error.gave_up");
    if (gaveUp) gaveUp.target = "handoff_tech";

    const report = validateFlow(flow);

    expect(report.issues).toEqual([
      expect.objectContaining({ code: "checklist_unmet", nodeId: "handoff_tech", path: ["choose_topic", "ask_login_device", "ask_error", "handoff_tech"] }),
    ]);
  });
});
