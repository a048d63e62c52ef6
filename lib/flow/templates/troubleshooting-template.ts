import { cell, defineTemplate, handoffText, link } from "./template-kit";

export const DEVICE_CHOICES = [
  { id: "android", title: "Android" },
  { id: "iphone", title: "iPhone" },
  { id: "web", title: "Web browser" },
];

export const appTroubleshootSteps = [
  { id: "update", title: "Update the app", instructions: "Open your app store, search for our app and tap Update if it's offered." },
  { id: "restart", title: "Restart the app", instructions: "Close the app completely (swipe it away), wait 10 seconds and open it again." },
  { id: "clear_cache", title: "Clear the cache", instructions: "In your phone's Settings, open Apps → our app → Storage and tap Clear cache." },
  { id: "reinstall", title: "Reinstall", instructions: "Delete the app, restart your phone and install it again. Your account is safe." },
];

/** Pattern 4: collect the device, walk through fixes with a “did this fix it?” after each. */
export const troubleshootingTemplate = defineTemplate(
  {
    id: "troubleshooting",
    name: "Structured troubleshooting",
    pattern: "troubleshooting",
    description: "Asks which device the customer uses, then walks through fixes one at a time; if none works, an agent gets the steps tried.",
  },
  () => ({
    schemaVersion: 1,
    name: "App troubleshooting",
    description: "Step-by-step fixes for app problems.",
    settings: {
      fields: [
        { key: "device", label: "Device", kind: "choice" },
        { key: "steps_tried", label: "Steps tried" },
      ],
      defaultHandoffNodeId: "handoff_tech",
    },
    nodes: [
      { id: "start", type: "start", position: cell(0, 1), data: { greeting: "Sorry the app is giving you trouble. Let's fix it together." } },
      {
        id: "ask_device",
        type: "ask",
        title: "Which device",
        position: cell(1, 1),
        data: { prompt: "Which device are you using?", answer: { kind: "buttons", choices: DEVICE_CHOICES }, saveTo: "device" },
      },
      {
        id: "fix_app",
        type: "troubleshoot",
        title: "Try quick fixes",
        position: cell(2, 0),
        data: { intro: "Let's try a few quick fixes on your {{device}}, one at a time.", steps: appTroubleshootSteps },
      },
      { id: "fixed", type: "end", title: "Fixed", position: cell(3, 0), data: { text: "Great, glad it's working again!", csat: { enabled: true } } },
      { id: "handoff_tech", type: "handoff", title: "Technical support", position: cell(3, 2), data: { queue: "Technical support", confirmationText: handoffText } },
    ],
    edges: [
      link("start", "next", "ask_device"),
      link("ask_device", "answered", "fix_app"),
      link("ask_device", "gave_up", "handoff_tech"),
      link("fix_app", "resolved", "fixed"),
      link("fix_app", "unresolved", "handoff_tech"),
    ],
  }),
);
