import { EXAMPLE_PHRASES } from "./example-phrases";
import { DEVICE_CHOICES, appTroubleshootSteps } from "./troubleshooting-template";
import { orderLookupData } from "./status-tracking-template";
import { sampleSlots } from "./scheduling-template";
import { claimItems } from "./document-collection-template";
import { cell, defineTemplate, handoffText, link } from "./template-kit";

const loginSteps = [
  { id: "reset", title: "Reset your password", instructions: "Tap “Forgot password?” on the sign-in screen and follow the link we email you. The link works for 30 minutes." },
  { id: "check_time", title: "Check the clock", instructions: "Login codes fail if your phone's clock is wrong. In Settings, turn on “Set time automatically”." },
  { id: "update", title: "Update the app", instructions: "Old versions can't sign in. Update the app from your app store and try again." },
];

const h = (id: string, title: string, queue: string, row: number, extra: { priority?: "normal" | "high" | "urgent"; eta?: string } = {}) => ({
  id,
  type: "handoff" as const,
  title,
  position: cell(6, row),
  data: { queue, confirmationText: handoffText, ...extra },
});

/**
 * All seven patterns in one desk, in the source guide's rollout order: categorization and status first,
 * then the guardrails (verification, escalation triggers, handoffs), then troubleshooting, scheduling and
 * documents. The seed publishes this flow as version 1.
 */
export const completeSupportDeskTemplate = defineTemplate(
  {
    id: "complete-support-desk",
    name: "Complete support desk",
    pattern: "complete",
    description:
      "A ready-to-run support desk: topics with free-text understanding, order tracking, verified address changes, login and app troubleshooting, appointments, damage claims, and handoffs with full context.",
  },
  () => ({
    schemaVersion: 1,
    name: "Complete support desk",
    description: "All seven support patterns, with checklists and escalation rules.",
    settings: {
      fields: [
        { key: "order_id", label: "Order number" },
        { key: "status", label: "Order status" },
        { key: "detail", label: "Order detail" },
        { key: "order_feedback", label: "Order feedback", kind: "choice" },
        { key: "billing_topic", label: "Billing topic", kind: "choice" },
        { key: "email", label: "Email address", kind: "email" },
        { key: "device", label: "Device", kind: "choice" },
        { key: "error_type", label: "Error type", kind: "choice" },
        { key: "steps_tried", label: "Steps tried" },
        { key: "new_address", label: "New address", sensitive: true },
        { key: "appointment_id", label: "Appointment reference" },
        { key: "appointment_slot", label: "Appointment time" },
        { key: "receipt", label: "Receipt", kind: "media" },
        { key: "damage_photo", label: "Photo of the damage", kind: "media" },
        { key: "damage_description", label: "What happened" },
        { key: "tier", label: "Customer tier", kind: "choice" },
      ],
      checklists: [
        { id: "order_status", intent: "order_status", label: "Order status", requirements: [["order_id"], ["customer_phone"]], requiredAt: ["handoff_delivery"] },
        { id: "login", intent: "login", label: "Login problem", requirements: [["email", "customer_phone"], ["error_type"], ["device"]], requiredAt: ["handoff_tech"] },
        { id: "reschedule", intent: "reschedule", label: "Reschedule", requirements: [["appointment_id"], ["appointment_slot"]], requiredAt: ["rescheduled"] },
        { id: "address_update", intent: "address_update", label: "Address update", requirements: [["verified"], ["new_address"]], requiredAt: ["handoff_accounts"] },
        { id: "claim", intent: "claim", label: "Damage claim", requirements: [["receipt"], ["damage_photo"], ["damage_description"]], requiredAt: ["handoff_claims"] },
      ],
      triggers: [
        { id: "asked_for_human", reason: "Asked for a human", rule: { kind: "keyword", phrases: ["agent", "human", "cancel my account"] } },
        { id: "negative_sentiment", reason: "Customer is upset", rule: { kind: "negative_sentiment", strongThreshold: -0.6, repeatedCount: 2 } },
        { id: "low_confidence", reason: "Could not understand the request", rule: { kind: "low_confidence", threshold: 0.5 } },
        {
          id: "vip",
          reason: "VIP customer",
          rule: { kind: "high_value", when: { field: "tier", operator: "equals", value: "vip" } },
          handoffNodeId: "handoff_priority",
        },
        { id: "security", reason: "Security or fraud concern", rule: { kind: "security", phrases: ["fraud", "hacked", "stolen"] }, handoffNodeId: "handoff_security" },
        { id: "flow_failure", reason: "Stuck on a step", rule: { kind: "flow_failure", maxValidationFailures: 3, onInactivity: false } },
      ],
      defaultHandoffNodeId: "handoff_general",
    },
    nodes: [
      {
        id: "start",
        type: "start",
        position: cell(0, 3.5),
        data: { greeting: "Hi! 👋 I'm the support assistant. I can sort most things here, and a person can take over any time: just type “agent”." },
      },
      {
        id: "choose_topic",
        type: "categorize",
        title: "Choose a topic",
        position: cell(1, 3.5),
        data: {
          prompt: "What can I help you with today? Pick a topic, or just describe it in your own words.",
          display: "list",
          listButton: "Choose a topic",
          categories: [
            { id: "order_status", title: "Order status", description: "Where is my order? Tracking and delivery", examples: [...EXAMPLE_PHRASES.order_status] },
            { id: "billing", title: "Billing & refunds", description: "Charges, refunds and invoices", examples: [...EXAMPLE_PHRASES.billing] },
            { id: "login", title: "Can't log in", description: "Passwords, codes and locked accounts", examples: [...EXAMPLE_PHRASES.login] },
            { id: "address_update", title: "Change my address", description: "Update your delivery or billing address", examples: [...EXAMPLE_PHRASES.address_update] },
            { id: "technical", title: "App or website problem", description: "Crashes, errors and things not loading", examples: [...EXAMPLE_PHRASES.technical] },
            { id: "reschedule", title: "Appointments", description: "Book, move or cancel an appointment", examples: [...EXAMPLE_PHRASES.reschedule] },
            { id: "claim", title: "Damage claim", description: "Something arrived broken or damaged", examples: [...EXAMPLE_PHRASES.claim] },
            { id: "talk_to_agent", title: "Talk to a person", description: "Chat with our support team", examples: [...EXAMPLE_PHRASES.talk_to_agent] },
          ],
        },
      },

      // Rollout step 1: status & tracking.
      { id: "find_order", type: "status_lookup", title: "Find the order", position: cell(2, 0), data: orderLookupData },
      {
        id: "order_ok",
        type: "categorize",
        title: "Everything OK?",
        position: cell(3, 0),
        data: {
          prompt: "Is everything OK with this order?",
          display: "buttons",
          saveTo: "order_feedback",
          useFirstMessage: false,
          categories: [
            { id: "all_good", title: "Yes, all good", examples: ["yes", "all good", "thanks", "perfect", "ok great"] },
            { id: "problem", title: "Something's wrong", examples: ["no", "there is a problem", "it's wrong", "not ok", "help"] },
          ],
        },
      },
      { id: "ask_billing", type: "ask", title: "Billing topic", position: cell(2, 1), data: {
        prompt: "Sure, which of these is it about?",
        answer: { kind: "buttons", choices: [{ id: "refund", title: "Refund" }, { id: "wrong_charge", title: "Wrong charge" }, { id: "invoice", title: "Invoice copy" }] },
        saveTo: "billing_topic",
      } },

      // Rollout step 2: guardrails — verification before a sensitive change.
      {
        id: "verify",
        type: "verify_identity",
        title: "Send a code",
        position: cell(2, 3),
        data: { method: { kind: "otp", codeLength: 6 }, prompt: "For your security I've sent a 6-digit code to this number. Please type it here." },
      },
      {
        id: "ask_new_address",
        type: "ask",
        title: "Ask new address",
        sensitive: true,
        position: cell(3, 3),
        data: {
          prompt: "Thanks, you're verified. What's the new address? Please include the street, town and postcode.",
          answer: { kind: "free_text", check: { kind: "none" } },
          saveTo: "new_address",
        },
      },

      // Rollout step 3: troubleshooting, scheduling and documents.
      {
        id: "ask_login_device",
        type: "ask",
        title: "Login device",
        position: cell(2, 2),
        data: { prompt: "Sorry about that! Where are you trying to sign in?", answer: { kind: "buttons", choices: DEVICE_CHOICES }, saveTo: "device" },
      },
      {
        id: "ask_error",
        type: "ask",
        title: "What goes wrong",
        position: cell(3, 2),
        data: {
          prompt: "What happens when you try?",
          answer: {
            kind: "list",
            button: "Pick one",
            sections: [
              {
                title: "Login problems",
                rows: [
                  { id: "wrong_password", title: "Password not accepted" },
                  { id: "no_code", title: "Code never arrives" },
                  { id: "locked", title: "Account is locked", description: "Too many attempts" },
                  { id: "other", title: "Something else" },
                ],
              },
            ],
          },
          saveTo: "error_type",
        },
      },
      { id: "login_fixes", type: "troubleshoot", title: "Login fixes", position: cell(4, 2), data: { intro: "Let's get you back in. A few quick things to try:", steps: loginSteps } },
      {
        id: "ask_app_device",
        type: "ask",
        title: "App device",
        position: cell(2, 4),
        data: { prompt: "Sorry it's misbehaving! Which device are you using?", answer: { kind: "buttons", choices: DEVICE_CHOICES }, saveTo: "device" },
      },
      { id: "app_fixes", type: "troubleshoot", title: "App fixes", position: cell(3, 4), data: { intro: "Let's try a few fixes on your {{device}}, one at a time.", steps: appTroubleshootSteps } },
      {
        id: "appointment",
        type: "schedule",
        title: "Manage appointment",
        position: cell(2, 5),
        data: { actions: ["book", "reschedule", "cancel"], calendar: { kind: "static", slots: sampleSlots } },
      },
      { id: "booked", type: "end", title: "Appointment set", position: cell(3, 5), data: { text: "See you then! Reply here if anything changes." } },
      { id: "rescheduled", type: "end", title: "Appointment moved", position: cell(3, 5.5), data: { text: "Done, your appointment {{appointment_id}} is now {{appointment_slot}}." } },
      { id: "cancelled", type: "end", title: "Appointment cancelled", position: cell(3, 6), data: { text: "Your appointment is cancelled. You can book again here any time." } },
      { id: "collect_claim", type: "collect_documents", title: "Claim documents", position: cell(2, 7), data: { items: claimItems } },
      {
        id: "claim_later",
        type: "end",
        title: "Finish claim later",
        position: cell(3, 7.5),
        data: { text: "No problem. When you have everything, just write “claim” here and we'll pick up where we left off.", resolved: false },
      },

      { id: "resolved", type: "end", title: "Resolved", position: cell(5, 1.5), data: { text: "Great, glad that's sorted! Anything else, just send a message.", csat: { enabled: true } } },

      h("handoff_delivery", "Delivery team", "Delivery", 0),
      h("handoff_billing", "Billing team", "Billing", 1),
      h("handoff_tech", "Technical support", "Technical support", 2.5),
      h("handoff_accounts", "Accounts team", "Accounts", 3.5, { priority: "high" }),
      h("handoff_claims", "Claims team", "Claims", 7, { eta: "1 working day" }),
      h("handoff_general", "General support", "General support", 8),
      h("handoff_priority", "Priority support", "Priority support", 9, { priority: "urgent", eta: "5 minutes" }),
      h("handoff_security", "Security team", "Security", 10, { priority: "urgent", eta: "15 minutes" }),
    ],
    edges: [
      link("start", "next", "choose_topic"),
      link("choose_topic", "category:order_status", "find_order"),
      link("choose_topic", "category:billing", "ask_billing"),
      link("choose_topic", "category:login", "ask_login_device"),
      link("choose_topic", "category:address_update", "verify"),
      link("choose_topic", "category:technical", "ask_app_device"),
      link("choose_topic", "category:reschedule", "appointment"),
      link("choose_topic", "category:claim", "collect_claim"),
      link("choose_topic", "category:talk_to_agent", "handoff_general"),
      link("choose_topic", "unclear", "handoff_general"),

      link("find_order", "found", "order_ok"),
      link("find_order", "not_found", "handoff_general"),
      link("find_order", "error", "handoff_general"),
      link("order_ok", "category:all_good", "resolved"),
      link("order_ok", "category:problem", "handoff_delivery"),
      link("order_ok", "unclear", "handoff_delivery"),

      link("ask_billing", "answered", "handoff_billing"),
      link("ask_billing", "gave_up", "handoff_general"),

      link("verify", "verified", "ask_new_address"),
      link("verify", "failed", "handoff_general"),
      link("ask_new_address", "answered", "handoff_accounts"),
      link("ask_new_address", "gave_up", "handoff_general"),

      link("ask_login_device", "answered", "ask_error"),
      link("ask_login_device", "gave_up", "handoff_general"),
      link("ask_error", "answered", "login_fixes"),
      link("ask_error", "gave_up", "handoff_general"),
      link("login_fixes", "resolved", "resolved"),
      link("login_fixes", "unresolved", "handoff_tech"),

      link("ask_app_device", "answered", "app_fixes"),
      link("ask_app_device", "gave_up", "handoff_general"),
      link("app_fixes", "resolved", "resolved"),
      link("app_fixes", "unresolved", "handoff_tech"),

      link("appointment", "booked", "booked"),
      link("appointment", "rescheduled", "rescheduled"),
      link("appointment", "cancelled", "cancelled"),
      link("appointment", "abandoned", "handoff_general"),

      link("collect_claim", "complete", "handoff_claims"),
      link("collect_claim", "incomplete", "claim_later"),
    ],
  }),
);
