import { z } from "zod";
import { fieldKeySchema } from "@/lib/flow/nodes/node-base";
import { conversationCaseSchema } from "@/lib/flow/conversation-case";

/** Input schemas of the simulator's server actions; the setup form validates with the same ones. */

export const versionChoiceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("draft") }),
  z.object({ kind: z.literal("live") }),
  z.object({ kind: z.literal("version"), versionId: z.string().min(1) }),
]);

export const extraFieldSchema = z.object({
  key: fieldKeySchema,
  value: z.string().trim().min(1, "Give the field a value").max(200),
});

export const simulatedCustomerSchema = z.object({
  name: z.string().trim().max(80, "Keep the name under 80 characters"),
  phone: z
    .string()
    .trim()
    .regex(/^\+?\d[\d\s\-()]{5,19}$/, "Enter a phone number like +15551234567"),
  fields: z.array(extraFieldSchema).max(20, "Up to 20 extra fields"),
});
export type SimulatedCustomerInput = z.infer<typeof simulatedCustomerSchema>;

export const startSimulationSchema = z.object({
  flowId: z.string().min(1, "Pick a flow"),
  choice: versionChoiceSchema,
  customer: simulatedCustomerSchema,
});

export const sessionSchema = z.object({ sessionId: z.string().min(1) });

/** What the chat itself may send; files go through the upload route, which stores them first. */
export const chatInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string().trim().min(1, "Type a message").max(4096) }),
  z.object({ kind: z.literal("choice"), id: z.string().min(1).max(256), title: z.string().min(1).max(256) }),
  z.object({
    kind: z.literal("location"),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().max(200).optional(),
    address: z.string().max(500).optional(),
  }),
]);

export const sendChatInputSchema = sessionSchema.extend({ input: chatInputSchema });

export const rewindSchema = sessionSchema.extend({ toStep: z.number().int().min(1) });

export const saveCaseSchema = sessionSchema.extend({ name: z.string().trim().min(1, "Name the test case").max(120) });

export const replaySchema = z.object({
  flowId: z.string().min(1),
  choice: versionChoiceSchema,
  testCase: conversationCaseSchema,
});

export const caseIdSchema = z.object({ caseId: z.string().min(1) });
export const flowIdSchema = z.object({ flowId: z.string().min(1) });
