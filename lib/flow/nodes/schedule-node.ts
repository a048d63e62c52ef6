import { z } from "zod";
import { fieldKeySchema, localIdSchema, nodeBaseSchema, requiredText } from "./node-base";
import { WA_LIMITS } from "../whatsapp-limits";

export const calendarSchema = z.discriminatedUnion("kind", [
  /** Fixed slots listed in the flow. */
  z.object({
    kind: z.literal("static"),
    slots: z.array(z.object({ id: localIdSchema, label: requiredText(WA_LIMITS.rowTitle, "Slot label") })).min(1),
  }),
  /** Slots generated over the next days within opening hours; booked slots are hidden by the runtime. */
  z.object({
    kind: z.literal("hours"),
    days: z.number().int().min(1).max(30).default(5),
    openHour: z.number().int().min(0).max(23).default(9),
    closeHour: z.number().int().min(1).max(24).default(17),
    slotMinutes: z.number().int().min(10).max(240).default(60),
    timeZone: z.string().min(1).default("UTC"),
    skipWeekends: z.boolean().default(true),
  }),
]);
export type Calendar = z.infer<typeof calendarSchema>;

/** Pattern 5 — appointment & scheduling. Ports: booked, rescheduled, cancelled, abandoned. */
export const scheduleNodeSchema = nodeBaseSchema.extend({
  type: z.literal("schedule"),
  data: z.object({
    actions: z.array(z.enum(["book", "reschedule", "cancel"])).min(1, "Allow at least one action"),
    prompt: requiredText(WA_LIMITS.interactiveBody, "Question").default("What would you like to do?"),
    calendar: calendarSchema,
    appointmentField: fieldKeySchema.default("appointment_id"),
    slotField: fieldKeySchema.default("appointment_slot"),
    confirmText: requiredText(WA_LIMITS.textBody, "Confirmation").default(
      "You're booked for {{appointment_slot}}. Your reference is {{appointment_id}}.",
    ),
    maxAttempts: z.number().int().min(1).max(5).default(3),
  }),
});
export type ScheduleNode = z.infer<typeof scheduleNodeSchema>;
