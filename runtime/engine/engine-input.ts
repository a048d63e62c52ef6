import { z } from "zod";
import { customerInputSchema } from "@/lib/flow/outgoing-message";
import { effectResultSchema } from "./effect";

/** What makes the engine take a step. */
export const engineInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("customer"), input: customerInputSchema }),
  z.object({ kind: z.literal("effect_result"), effectId: z.string(), result: effectResultSchema }),
  /** The customer went quiet for settings.inactivityMinutes. */
  z.object({ kind: z.literal("timeout") }),
  /** An agent hands the conversation back to the bot at a chosen node. */
  z.object({ kind: z.literal("resume"), nodeId: z.string() }),
]);
export type EngineInput = z.infer<typeof engineInputSchema>;
