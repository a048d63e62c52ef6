import type { OutgoingMessage } from "@/lib/flow/outgoing-message";
import type { FlowNode } from "@/lib/flow/flow-node";
import { assertNever } from "@/lib/result";

/**
 * What the step first sends, for the inspector's preview. An approximation of the engine's output drawn from the
 * configuration only: placeholders such as {{order_id}} stay visible so the manager sees where values go.
 */
export function previewMessages(node: FlowNode): OutgoingMessage[] {
  switch (node.type) {
    case "start":
      return node.data.greeting === "" ? [] : [{ kind: "text", text: node.data.greeting }];
    case "message": {
      const media = node.data.media;
      const text: OutgoingMessage = { kind: "text", text: node.data.text };
      if (!media) return [text];
      return [
        { kind: "media", mediaType: media.mediaType, url: media.url, ...(media.caption ? { caption: media.caption } : {}) },
        text,
      ];
    }
    case "ask": {
      const answer = node.data.answer;
      if (answer.kind === "buttons") return [{ kind: "buttons", body: node.data.prompt, buttons: answer.choices.map(({ id, title }) => ({ id, title })) }];
      if (answer.kind === "list") return [{ kind: "list", body: node.data.prompt, button: answer.button, sections: answer.sections }];
      return [{ kind: "text", text: node.data.prompt }];
    }
    case "categorize": {
      const rows = node.data.categories.map(({ id, title, description }) => ({ id, title, ...(description ? { description } : {}) }));
      if (node.data.display === "buttons") return [{ kind: "buttons", body: node.data.prompt, buttons: rows.map(({ id, title }) => ({ id, title })) }];
      return [{ kind: "list", body: node.data.prompt, button: node.data.listButton, sections: [{ title: "Topics", rows }] }];
    }
    case "status_lookup":
      return [{ kind: "text", text: node.data.prompt }];
    case "verify_identity":
      return [{ kind: "text", text: node.data.prompt }];
    case "troubleshoot": {
      const [first] = node.data.steps;
      const intro: OutgoingMessage[] = node.data.intro === "" ? [] : [{ kind: "text", text: node.data.intro }];
      if (!first) return intro;
      return [
        ...intro,
        {
          kind: "buttons",
          body: `${first.title}\n${first.instructions}\n\n${node.data.confirmPrompt}`,
          buttons: [
            { id: "yes", title: node.data.yesLabel },
            { id: "no", title: node.data.noLabel },
          ],
        },
      ];
    }
    case "schedule":
      return [{ kind: "buttons", body: node.data.prompt, buttons: node.data.actions.map((action) => ({ id: action, title: action.charAt(0).toUpperCase() + action.slice(1) })) }];
    case "collect_documents": {
      const [first] = node.data.items;
      if (!first) return [];
      return first.required
        ? [{ kind: "text", text: first.instructions }]
        : [{ kind: "buttons", body: first.instructions, buttons: [{ id: "skip", title: node.data.skipLabel }] }];
    }
    case "handoff":
      return [{ kind: "text", text: node.data.confirmationText.replaceAll("{{queue}}", node.data.queue).replaceAll("{{eta}}", node.data.eta) }];
    case "end": {
      const closing: OutgoingMessage[] = node.data.text === "" ? [] : [{ kind: "text", text: node.data.text }];
      return node.data.csat.enabled ? [...closing, { kind: "text", text: node.data.csat.prompt }] : closing;
    }
    case "condition":
    case "set_field":
    case "escalation_trigger":
      return [];
    default:
      return assertNever(node);
  }
}
