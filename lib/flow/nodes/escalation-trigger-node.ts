import { z } from "zod";
import { nodeBaseSchema } from "./node-base";
import { escalationRuleSchema } from "./escalation-rule";

export const escalationTriggerNodeSchema = nodeBaseSchema.extend({
  type: z.literal("escalation_trigger"),
  data: z.object({
    reason: z.string().trim().min(1).max(120),
    /** Any rule that holds takes the "escalate" port; otherwise "continue". */
    rules: z.array(escalationRuleSchema).min(1, "Add at least one rule"),
  }),
});
export type EscalationTriggerNode = z.infer<typeof escalationTriggerNodeSchema>;
