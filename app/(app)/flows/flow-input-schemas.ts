import { z } from "zod";

/** Inputs of the flow server actions; the forms use the same schemas so the messages match. */
export const flowIdSchema = z.uuid("This flow does not exist.");

export const flowNameSchema = z
  .string()
  .trim()
  .min(1, "Give the flow a name")
  .max(120, "Keep the name under 120 characters");

export const createFlowInputSchema = z.object({
  name: flowNameSchema,
  /** A template id from lib/flow/templates, or absent for a blank flow. */
  templateId: z.string().min(1).max(100).optional(),
});
export type CreateFlowInput = z.infer<typeof createFlowInputSchema>;

export const renameFlowInputSchema = z.object({ flowId: flowIdSchema, name: flowNameSchema });
export type RenameFlowInput = z.infer<typeof renameFlowInputSchema>;

export const flowRefInputSchema = z.object({ flowId: flowIdSchema });

