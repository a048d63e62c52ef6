import { cell, defineTemplate, handoffText, link } from "./template-kit";

export const claimItems = [
  {
    id: "receipt",
    label: "Receipt",
    instructions: "Please send a photo or PDF of your receipt or order confirmation.",
    kind: "media" as const,
    acceptedTypes: ["image/*", "application/pdf"],
    maxSizeMb: 10,
    saveTo: "receipt",
  },
  {
    id: "damage_photo",
    label: "Photo of the damage",
    instructions: "Now a clear photo of the damaged item, in good light, showing the damage.",
    kind: "media" as const,
    acceptedTypes: ["image/jpeg", "image/png"],
    maxSizeMb: 5,
    saveTo: "damage_photo",
  },
  {
    id: "description",
    label: "What happened",
    instructions: "In a sentence or two, what happened? For example: “The box was crushed and the screen is cracked.”",
    kind: "text" as const,
    saveTo: "damage_description",
  },
];

/** Pattern 6: collect every item a claim needs, with instructions and file checks, before a person reviews it. */
export const documentCollectionTemplate = defineTemplate(
  {
    id: "document-collection",
    name: "Document collection",
    pattern: "document_collection",
    description: "Collects a receipt, a photo of the damage and a short description for a claim, then passes the complete claim to the claims team.",
  },
  () => ({
    schemaVersion: 1,
    name: "Damage claim documents",
    description: "Collects everything a damage claim needs.",
    settings: {
      fields: [
        { key: "receipt", label: "Receipt", kind: "media" },
        { key: "damage_photo", label: "Photo of the damage", kind: "media" },
        { key: "damage_description", label: "What happened" },
      ],
      defaultHandoffNodeId: "handoff_claims",
    },
    nodes: [
      { id: "start", type: "start", position: cell(0, 1), data: { greeting: "Sorry to hear something arrived damaged. I'll collect what we need for your claim." } },
      { id: "collect_claim", type: "collect_documents", title: "Claim documents", position: cell(1, 1), data: { items: claimItems } },
      { id: "handoff_claims", type: "handoff", title: "Claims team", position: cell(2, 0), data: { queue: "Claims", eta: "1 working day", confirmationText: handoffText } },
      {
        id: "incomplete",
        type: "end",
        title: "Come back later",
        position: cell(2, 2),
        data: { text: "No problem. When you have everything, just write “claim” here and we'll pick up where we left off.", resolved: false },
      },
    ],
    edges: [
      link("start", "next", "collect_claim"),
      link("collect_claim", "complete", "handoff_claims"),
      link("collect_claim", "incomplete", "incomplete"),
    ],
  }),
);
