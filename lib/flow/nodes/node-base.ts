import { z } from "zod";

/** Field keys are what templates reference as {{key}}: lowercase words joined by underscores. */
export const fieldKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,49}$/, "Use lowercase letters, digits and _ (start with a letter, up to 50)");

/** Ids of choices, categories, steps and items inside a node: they end up in port ids and WhatsApp reply ids. */
export const localIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "Use letters, digits, - and _ (up to 64)");

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

export const nodeBaseSchema = z.object({
  id: z.string().min(1).max(100),
  position: positionSchema,
  /** Optional name the manager gives the step; defaults to the node type's label. */
  title: z.string().max(80).optional(),
  /** Sensitive nodes refuse to run for an unverified customer (they route to the flow's default handoff). */
  sensitive: z.boolean().optional(),
});

/** How long a text may be, as a plain-words zod refinement counting code points. */
export const textUpTo = (limit: number, what: string) =>
  z
    .string()
    .refine((s) => [...s].length <= limit, `${what} must fit in ${limit} characters`);

export const requiredText = (limit: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} cannot be empty`)
    .refine((s) => [...s].length <= limit, `${what} must fit in ${limit} characters`);
