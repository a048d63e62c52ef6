import { cell, defineTemplate, handoffText, link } from "./template-kit";

export const sampleSlots = [
  { id: "mon_0900", label: "Mon 09:00" },
  { id: "mon_1400", label: "Mon 14:00" },
  { id: "tue_1000", label: "Tue 10:00" },
  { id: "wed_1130", label: "Wed 11:30" },
  { id: "thu_1600", label: "Thu 16:00" },
  { id: "fri_0930", label: "Fri 09:30" },
];

/** Pattern 5: book, move or cancel an appointment from a fixed set of slots. */
export const schedulingTemplate = defineTemplate(
  {
    id: "scheduling",
    name: "Appointments & scheduling",
    pattern: "scheduling",
    description: "Lets customers book, reschedule or cancel an appointment by picking a free slot, and confirms with a reference.",
  },
  () => ({
    schemaVersion: 1,
    name: "Appointments",
    description: "Book, reschedule or cancel appointments.",
    settings: {
      fields: [
        { key: "appointment_id", label: "Appointment reference" },
        { key: "appointment_slot", label: "Appointment time" },
      ],
      defaultHandoffNodeId: "handoff_bookings",
    },
    nodes: [
      { id: "start", type: "start", position: cell(0, 1), data: { greeting: "Hi! I can help with your appointment." } },
      {
        id: "appointment",
        type: "schedule",
        title: "Manage appointment",
        position: cell(1, 1),
        data: { actions: ["book", "reschedule", "cancel"], calendar: { kind: "static", slots: sampleSlots } },
      },
      { id: "booked", type: "end", title: "Booked", position: cell(2, 0), data: { text: "See you then! Reply here if anything changes." } },
      { id: "cancelled", type: "end", title: "Cancelled", position: cell(2, 1), data: { text: "Your appointment is cancelled. You can book again here any time." } },
      { id: "handoff_bookings", type: "handoff", title: "Bookings team", position: cell(2, 2), data: { queue: "Bookings", confirmationText: handoffText } },
    ],
    edges: [
      link("start", "next", "appointment"),
      link("appointment", "booked", "booked"),
      link("appointment", "rescheduled", "booked"),
      link("appointment", "cancelled", "cancelled"),
      link("appointment", "abandoned", "handoff_bookings"),
    ],
  }),
);
