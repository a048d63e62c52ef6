import type { VersionChoice } from "./simulator-view";
import type { FlowOption } from "./flow-option";

/** Version choices travel through <select> values as "draft", "live" or "version:<id>". */
export function encodeChoice(choice: VersionChoice): string {
  return choice.kind === "version" ? `version:${choice.versionId}` : choice.kind;
}

export function decodeChoice(value: string): VersionChoice {
  if (value.startsWith("version:")) return { kind: "version", versionId: value.slice("version:".length) };
  return value === "draft" ? { kind: "draft" } : { kind: "live" };
}

export function choiceOptions(flow: FlowOption | undefined): { value: string; label: string }[] {
  if (!flow) return [];
  const live = flow.versions.find((version) => version.live);
  return [
    ...(live ? [{ value: "live", label: `Live version (v${live.number})` }] : []),
    { value: "draft", label: "Draft (unpublished changes)" },
    ...flow.versions.map((version) => ({ value: `version:${version.id}`, label: `Version ${version.number}${version.live ? " · live" : ""}${version.note ? ` — ${version.note}` : ""}` })),
  ];
}
