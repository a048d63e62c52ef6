import { z } from "zod";
import { fieldKeySchema, nodeBaseSchema, requiredText, textUpTo } from "./node-base";
import { WA_LIMITS } from "../whatsapp-limits";

export const lookupSourceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("static"),
    /** A small table kept in the flow: reference → named values. */
    records: z
      .array(z.object({ reference: z.string().trim().min(1).max(100), values: z.record(z.string(), z.string().max(1000)) }))
      .max(5000),
  }),
  z.object({
    kind: z.literal("http"),
    /** GET, with {{reference}} replaced (URL-encoded), e.g. https://shop.example/api/orders/{{reference}} */
    urlTemplate: z.string().trim().min(1).max(2000).refine((u) => u.includes("{{reference}}"), "The address must contain {{reference}}"),
    /** Copies values from the JSON answer: field ← dotted path, e.g. status ← order.status */
    mapping: z.array(z.object({ field: fieldKeySchema, path: z.string().trim().min(1).max(200) })).max(50),
    timeoutMs: z.number().int().min(100).max(10_000).default(3000),
  }),
]);
export type LookupSource = z.infer<typeof lookupSourceSchema>;

/** Pattern 2 — status & tracking. Ports: found, not_found, error. */
export const statusLookupNodeSchema = nodeBaseSchema.extend({
  type: z.literal("status_lookup"),
  data: z.object({
    prompt: requiredText(WA_LIMITS.textBody, "Question"),
    referenceField: fieldKeySchema.default("order_id"),
    /** Format check for the reference (a regular expression), e.g. ^[A-Z]{2}-\d{5}$ */
    referencePattern: z.string().max(500).default(""),
    referenceHint: textUpTo(300, "Format hint").default(""),
    source: lookupSourceSchema,
    /** Record values are copied into fields of the same name; the reply may use them as {{field}}. */
    foundText: requiredText(WA_LIMITS.textBody, "Found reply"),
    notFoundText: requiredText(WA_LIMITS.textBody, "Not-found reply"),
    errorText: requiredText(WA_LIMITS.textBody, "Lookup-failed reply"),
    maxAttempts: z.number().int().min(1).max(5).default(3),
  }),
});
export type StatusLookupNode = z.infer<typeof statusLookupNodeSchema>;
