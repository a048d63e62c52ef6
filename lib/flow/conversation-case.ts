import { z } from "zod";
import { jsonPath, readFlowJsonValue, type Problem } from "./flow-json";
import { err, ok, type Result } from "../result";

/**
 * A scripted conversation for flows as code (`npm run flow -- test flow.json case.json`) and for saved simulator
 * test cases. Each step is one thing the customer does; `expect` checks what the bot answered to it.
 */
export const caseExpectationSchema = z.object({
  /** The bot's replies to this step, in order; each entry must appear (case-insensitively) in the matching reply. */
  replies: z.array(z.string()).optional(),
  /** Fields that must hold these values after the step (a subset). */
  fields: z.record(z.string(), z.string()).optional(),
  /** Conversation status after the step. */
  status: z.enum(["active", "handoff", "ended"]).optional(),
  /** Node the conversation waits at after the step. */
  node: z.string().optional(),
});
export type CaseExpectation = z.infer<typeof caseExpectationSchema>;

const expect = { expect: caseExpectationSchema.optional() };

export const caseStepSchema = z.union([
  /** Free text; "{{otp}}" stands for the last one-time code sent to the customer. */
  z.object({ send: z.string(), ...expect }).strict(),
  /** Taps a reply button or list row by its title or id. */
  z.object({ choose: z.string().min(1), ...expect }).strict(),
  z
    .object({
      upload: z.object({
        mediaType: z.enum(["image", "document", "video", "audio"]),
        mimeType: z.string().min(1),
        sizeBytes: z.number().int().nonnegative(),
        filename: z.string().optional(),
      }),
      ...expect,
    })
    .strict(),
  z.object({ location: z.object({ latitude: z.number(), longitude: z.number() }), ...expect }).strict(),
  /** The customer goes quiet for longer than the flow's inactivity limit. */
  z.object({ timeout: z.literal(true), ...expect }).strict(),
]);
export type CaseStep = z.infer<typeof caseStepSchema>;

export const conversationCaseSchema = z.object({
  name: z.string().trim().min(1).max(200),
  customer: z
    .object({
      phone: z.string().min(3).max(32).default("+15550100100"),
      name: z.string().max(100).optional(),
      /** Known before the conversation starts, e.g. { "tier": "vip" }. */
      fields: z.record(z.string(), z.string()).default({}),
    })
    .default({ phone: "+15550100100", fields: {} }),
  /** The clock the conversation runs at (ISO); defaults to a fixed date so runs repeat exactly. */
  now: z.iso.datetime({ offset: true }).default("2026-01-05T10:00:00Z"),
  steps: z.array(caseStepSchema).min(1, "Add at least one step"),
  /** Where the conversation must end up after the last step. */
  expectOutcome: z.enum(["active", "handoff", "ended", "resolved"]).optional(),
});
export type ConversationCase = z.infer<typeof conversationCaseSchema>;
export type ConversationCaseInput = z.input<typeof conversationCaseSchema>;


/** A conversation file holds one case, a list of cases, or { "cases": [...] }; problems come with JSON paths. */
export function parseConversationCases(text: string): Result<ConversationCase[], Problem[]> {
  const value = readFlowJsonValue(text);
  if (!value.ok) return value;
  const raw = value.value;
  const list: unknown =
    Array.isArray(raw) ? raw : typeof raw === "object" && raw !== null && "cases" in raw ? raw.cases : [raw];
  const parsed = z.array(conversationCaseSchema).min(1, "The file holds no conversation").safeParse(list);
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })));
}
