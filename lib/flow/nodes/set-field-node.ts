import { z } from "zod";
import { fieldKeySchema, nodeBaseSchema } from "./node-base";

export const setFieldNodeSchema = nodeBaseSchema.extend({
  type: z.literal("set_field"),
  data: z.object({
    field: fieldKeySchema,
    /** May reference other fields as {{field}}. */
    value: z.string().max(1000),
  }),
});
export type SetFieldNode = z.infer<typeof setFieldNodeSchema>;
