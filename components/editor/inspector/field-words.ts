import { WA_LIMITS } from "@/lib/flow/whatsapp-limits";

/** Labels a support manager understands, keyed by the schema's property name. */
const LABELS: Record<string, string> = {
  prompt: "Question",
  text: "Message",
  greeting: "Greeting",
  answer: "How the customer answers",
  choices: "Buttons",
  title: "Title",
  description: "Description",
  button: "List button label",
  listButton: "List button label",
  sections: "Sections",
  rows: "Options",
  check: "Check the answer",
  saveTo: "Save the answer in field",
  maxAttempts: "Attempts before giving up",
  retryText: "Message after an answer that doesn't fit",
  media: "Picture or document",
  mediaType: "Kind of file",
  url: "Web address of the file",
  caption: "Caption",
  filename: "File name",
  categories: "Topics",
  examples: "Example phrases (one per line)",
  display: "Show topics as",
  confidenceThreshold: "Confidence needed (0–1)",
  clarifyPrompt: "Clarifying question",
  useFirstMessage: "Understand the customer's first message",
  referenceField: "Save the reference in field",
  referencePattern: "Reference format (pattern)",
  referenceHint: "Format hint for the customer",
  source: "Where to look it up",
  records: "Records",
  reference: "Reference",
  values: "Values",
  urlTemplate: "Web address (use {{reference}})",
  mapping: "Copy from the answer",
  path: "Path in the answer",
  timeoutMs: "Time limit (milliseconds)",
  foundText: "Reply when found",
  notFoundText: "Reply when not found",
  errorText: "Reply when the lookup fails",
  method: "How to verify",
  codeLength: "Code length",
  expectedField: "Field holding the date of birth",
  successText: "Message when verified",
  failureText: "Message when verification fails",
  intro: "Introduction",
  steps: "Steps",
  instructions: "Instructions",
  confirmPrompt: "Confirmation question",
  yesLabel: "“Fixed” button",
  noLabel: "“Still broken” button",
  actions: "What customers can do",
  calendar: "Available times",
  slots: "Slots",
  days: "Days ahead to offer",
  openHour: "Opens at (hour)",
  closeHour: "Closes at (hour)",
  slotMinutes: "Slot length (minutes)",
  timeZone: "Time zone",
  skipWeekends: "Skip weekends",
  appointmentField: "Save the booking reference in field",
  slotField: "Save the chosen slot in field",
  confirmText: "Confirmation message",
  items: "Items to collect",
  acceptedTypes: "Accepted file types (one per line)",
  maxSizeMb: "Largest file (MB)",
  required: "Required",
  maxRetries: "Retries per item",
  skipLabel: "“Skip” button",
  doneText: "Message when everything is in",
  queue: "Team (queue)",
  priority: "Priority",
  confirmationText: "Message to the customer",
  eta: "Expected reply time",
  hours: "Working hours",
  closedText: "Message outside working hours",
  rules: "Rules",
  when: "When",
  field: "Field",
  operator: "Comparison",
  value: "Value",
  reason: "Reason (shown to the agent)",
  phrases: "Phrases (one per line)",
  strongThreshold: "Strongly negative score (−1–0)",
  repeatedCount: "Negative messages before escalating",
  threshold: "Confidence below (0–1)",
  maxValidationFailures: "Failed answers on one step",
  onInactivity: "Also when the customer goes quiet",
  resolved: "Counts as resolved",
  csat: "Satisfaction rating",
  enabled: "On",
  fields: "Fields",
  key: "Field name",
  kind: "Kind",
  sensitive: "Sensitive (masked for agents and logs)",
  checklists: "Minimum-context checklists",
  intent: "Topic (category id)",
  requirements: "Must know (each line: any one of the ticked fields)",
  requiredAt: "Needed before these steps (none: every handoff for the topic)",
  triggers: "Flow-wide escalation rules",
  rule: "Rule",
  handoffNodeId: "Hand off to",
  defaultHandoffNodeId: "Default handoff",
  agentPhrases: "Phrases that mean “talk to an agent” (one per line)",
  inactivityMinutes: "Minutes of silence before timing out",
  unsupportedText: "Reply to messages the bot can't read",
  label: "Label",
  id: "Internal name (letters, digits, - and _)",
};

export function labelFor(key: string): string {
  const known = LABELS[key];
  if (known !== undefined) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The noun for one entry of a list, e.g. "Button" for choices. */
const ITEM_NOUNS: Record<string, string> = {
  choices: "Button",
  sections: "Section",
  rows: "Option",
  categories: "Topic",
  steps: "Step",
  items: "Item",
  rules: "Rule",
  records: "Record",
  mapping: "Copied value",
  fields: "Field",
  checklists: "Checklist",
  triggers: "Escalation rule",
  slots: "Slot",
  requirements: "Requirement",
  actions: "Action",
};

export const itemNounFor = (key: string): string => ITEM_NOUNS[key] ?? "Entry";

/** Plain words for discriminated-union kinds and enum values. */
const OPTION_WORDS: Record<string, string> = {
  buttons: "Reply buttons (up to 3)",
  list: "A list of options (up to 10)",
  free_text: "A typed answer",
  none: "Any text",
  email: "An email address",
  phone: "A phone number",
  date: "A date",
  number: "A number",
  regex: "Matches a pattern",
  static: "A table kept in this flow",
  http: "A web address (GET)",
  hours: "Opening hours",
  otp: "A one-time code",
  phone_match: "Their phone number matches",
  date_of_birth: "Date of birth",
  keyword: "Keywords or phrases",
  negative_sentiment: "The customer is upset",
  low_confidence: "The bot is unsure what they want",
  high_value: "A high-value customer",
  security: "Security or privacy words",
  flow_failure: "The flow keeps failing",
  equals: "is",
  not_equals: "is not",
  contains: "contains",
  greater_than: "is more than",
  less_than: "is less than",
  is_set: "is known",
  is_not_set: "is not known",
  one_of: "is one of (comma separated)",
  image: "Picture",
  document: "Document",
  video: "Video",
  audio: "Audio",
  media: "A file or photo",
  text: "Typed text",
  book: "Book",
  reschedule: "Reschedule",
  cancel: "Cancel",
  normal: "Normal",
  high: "High",
  urgent: "Urgent",
  boolean: "Yes / no",
  choice: "Choice",
};

export const optionWords = (value: string): string => OPTION_WORDS[value] ?? labelFor(value);

/** Texts the customer reads, drawn as a multi-line box. */
export const LONG_TEXT_KEYS: ReadonlySet<string> = new Set([
  "prompt", "text", "greeting", "retryText", "clarifyPrompt", "foundText", "notFoundText", "errorText", "successText",
  "failureText", "intro", "instructions", "confirmText", "doneText", "confirmationText", "closedText", "unsupportedText",
  "caption", "referenceHint",
]);

/**
 * The WhatsApp limit a text is checked against, from its place in the form. The schemas enforce these with
 * refinements, which cannot be read back, so the counter learns them here from whatsapp-limits.ts.
 */
export function charLimitFor(path: readonly string[], context: { isInteractive: boolean; categoriesAsButtons: boolean }): number | undefined {
  const key = path[path.length - 1] ?? "";
  const parent = [...path].reverse().find((part) => !/^\d+$/.test(part) && part !== key) ?? "";
  if (key === "title") {
    if (parent === "choices") return WA_LIMITS.buttonTitle;
    if (parent === "rows") return WA_LIMITS.rowTitle;
    if (parent === "sections") return WA_LIMITS.sectionTitle;
    if (parent === "categories") return context.categoriesAsButtons ? WA_LIMITS.buttonTitle : WA_LIMITS.rowTitle;
    if (parent === "steps") return 80;
    return undefined;
  }
  if (key === "description" && (parent === "rows" || parent === "categories")) return WA_LIMITS.rowDescription;
  if (key === "button" || key === "listButton") return WA_LIMITS.listButtonLabel;
  if (key === "yesLabel" || key === "noLabel" || key === "skipLabel") return WA_LIMITS.buttonTitle;
  if (key === "caption") return WA_LIMITS.mediaCaption;
  if (key === "label" && parent === "slots") return WA_LIMITS.rowTitle;
  if (key === "prompt" || key === "clarifyPrompt") return context.isInteractive ? WA_LIMITS.interactiveBody : WA_LIMITS.textBody;
  if (key === "instructions" && parent === "steps") return WA_LIMITS.interactiveBody - 60;
  if (key === "referenceHint") return 300;
  if (LONG_TEXT_KEYS.has(key)) return WA_LIMITS.textBody;
  return undefined;
}
