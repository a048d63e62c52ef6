/** Every kind of problem the publish validator reports; stable, so the editor and tests can key on them. */
export type IssueCode =
  | "schema"
  | "missing_start"
  | "multiple_starts"
  | "duplicate_node_id"
  | "duplicate_edge_id"
  | "edge_unknown_source"
  | "edge_unknown_target"
  | "edge_unknown_port"
  | "port_unconnected"
  | "port_multiple_edges"
  | "unreachable_node"
  | "input_free_cycle"
  | "undefined_field"
  | "malformed_placeholder"
  | "handoff_reference"
  | "no_handoff"
  | "no_default_handoff"
  | "trigger_without_handoff"
  | "checklist_reference"
  | "checklist_unused"
  | "checklist_unmet"
  | "too_many_buttons"
  | "too_many_rows"
  | "too_many_sections"
  | "duplicate_title"
  | "duplicate_id"
  | "text_too_long"
  | "invalid_regex"
  | "missing_value"
  | "invalid_hours"
  | "sensitive_unverified";

export type IssueSeverity = "error" | "warning";

/** One problem, in plain words, anchored so the editor can select the node and focus the input. */
export type Issue = {
  severity: IssueSeverity;
  code: IssueCode;
  message: string;
  nodeId?: string;
  /**
   * Dotted path of the offending input: into node.data when nodeId is set (e.g. "answer.choices.3.title"),
   * otherwise from the document root (e.g. "settings.triggers.0.handoffNodeId").
   */
  field?: string;
  /** Node ids of an offending path, in order (a cycle, or a path that misses a checklist field). */
  path?: string[];
  /** The output port concerned, e.g. "gave_up". */
  port?: string;
  edgeId?: string;
};

export const error = (code: IssueCode, message: string, anchor: Omit<Issue, "severity" | "code" | "message"> = {}): Issue => ({
  severity: "error",
  code,
  message,
  ...anchor,
});

export const warning = (code: IssueCode, message: string, anchor: Omit<Issue, "severity" | "code" | "message"> = {}): Issue => ({
  severity: "warning",
  code,
  message,
  ...anchor,
});

/** “Name”, with typographic quotes, as every message cites steps. */
export const quote = (name: string): string => `“${name}”`;
