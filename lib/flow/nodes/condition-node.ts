import { z } from "zod";
import { localIdSchema, nodeBaseSchema } from "./node-base";
import { fieldComparisonSchema } from "./escalation-rule";

export const conditionNodeSchema = nodeBaseSchema.extend({
  type: z.literal("condition"),
  data: z.object({
    /** Checked in order; the first that holds picks its port, otherwise "else". */
    rules: z
      .array(z.object({ id: localIdSchema, label: z.string().trim().min(1).max(40), when: fieldComparisonSchema }))
      .min(1, "Add at least one rule"),
  }),
});
export type ConditionNode = z.infer<typeof conditionNodeSchema>;
