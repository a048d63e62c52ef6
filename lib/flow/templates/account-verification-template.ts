import { cell, defineTemplate, handoffText, link } from "./template-kit";

/** Pattern 3: verify the customer with a one-time code before a sensitive change (a new address). */
export const accountVerificationTemplate = defineTemplate(
  {
    id: "account-verification",
    name: "Account verification",
    pattern: "account_verification",
    description: "Sends a one-time code before the customer can change their address; failures go to an agent.",
  },
  () => ({
    schemaVersion: 1,
    name: "Account verification",
    description: "Verifies the customer before an address change.",
    settings: {
      fields: [{ key: "new_address", label: "New address" }],
      defaultHandoffNodeId: "handoff_accounts",
    },
    nodes: [
      { id: "start", type: "start", position: cell(0, 1), data: { greeting: "Hi! I can update your address." } },
      {
        id: "verify",
        type: "verify_identity",
        title: "Send a code",
        position: cell(1, 1),
        data: { method: { kind: "otp", codeLength: 6 }, prompt: "For your security I've sent a 6-digit code to this number. Please type it here." },
      },
      {
        id: "ask_address",
        type: "ask",
        title: "Ask new address",
        sensitive: true,
        position: cell(2, 0),
        data: {
          prompt: "Thanks! What's your new address? Please include the street, town and postcode.",
          answer: { kind: "free_text", check: { kind: "none" } },
          saveTo: "new_address",
        },
      },
      {
        id: "address_saved",
        type: "end",
        title: "Address noted",
        position: cell(3, 0),
        data: { text: "Got it. We'll use {{new_address}} from your next order on.", csat: { enabled: true } },
      },
      { id: "handoff_accounts", type: "handoff", title: "Accounts team", position: cell(3, 2), data: { queue: "Accounts", priority: "high", confirmationText: handoffText } },
    ],
    edges: [
      link("start", "next", "verify"),
      link("verify", "verified", "ask_address"),
      link("verify", "failed", "handoff_accounts"),
      link("ask_address", "answered", "address_saved"),
      link("ask_address", "gave_up", "handoff_accounts"),
    ],
  }),
);
