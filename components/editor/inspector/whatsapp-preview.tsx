"use client";

import type { OutgoingMessage } from "@/lib/flow/outgoing-message";
import { assertNever } from "@/lib/result";

/** A WhatsApp-looking phone strip: the bubbles the customer would see, with buttons and list rows drawn as WhatsApp does. */
export function WhatsAppPreview({ messages }: { messages: readonly OutgoingMessage[] }) {
  return (
    <figure className="rounded-lg bg-[#efeae2] p-3" aria-label="Preview of what the customer sees" data-testid="whatsapp-preview">
      <figcaption className="mb-2 text-xs font-medium text-slate-600">What the customer sees</figcaption>
      {messages.length === 0 ? (
        <p className="text-xs text-slate-600">This step sends nothing; it only decides where the conversation goes.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {messages.map((message, index) => (
            <li key={index} className="max-w-[95%]">
              <Bubble message={message} />
            </li>
          ))}
        </ol>
      )}
    </figure>
  );
}

function Bubble({ message }: { message: OutgoingMessage }) {
  const bubble = "rounded-lg rounded-tl-none bg-white px-2.5 py-1.5 text-sm whitespace-pre-wrap text-slate-900 shadow-xs";
  switch (message.kind) {
    case "text":
      return <p className={bubble}>{message.text}</p>;
    case "buttons":
      return (
        <div>
          <p className={bubble}>{message.body}</p>
          <ul className="mt-0.5 flex flex-col gap-0.5" aria-label="Reply buttons">
            {message.buttons.map((button) => (
              <li key={button.id} className="rounded-md bg-white py-1 text-center text-sm font-medium text-sky-700 shadow-xs">
                {button.title}
              </li>
            ))}
          </ul>
        </div>
      );
    case "list":
      return (
        <div>
          <div className={bubble}>
            <p>{message.body}</p>
            <p className="mt-1 border-t border-slate-100 pt-1 text-center font-medium text-sky-700">☰ {message.button}</p>
          </div>
          <div className="mt-1 rounded-md bg-white p-2 text-xs shadow-xs" aria-label="List options">
            {message.sections.map((section, index) => (
              <div key={index}>
                {section.title ? <p className="font-semibold text-emerald-700">{section.title}</p> : null}
                <ul>
                  {section.rows.map((row) => (
                    <li key={row.id} className="border-b border-slate-100 py-1 last:border-0">
                      <span className="block text-slate-900">{row.title}</span>
                      {row.description ? <span className="block text-slate-500">{row.description}</span> : null}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </div>
      );
    case "media":
      return (
        <div className={bubble}>
          <p className="text-xs text-slate-500">
            {message.mediaType === "image" ? "🖼️" : "📄"} {message.filename ?? message.url}
          </p>
          {message.caption ? <p>{message.caption}</p> : null}
        </div>
      );
    case "location_request":
      return <p className={bubble}>{message.body}</p>;
    case "template":
      return <p className={bubble}>Template “{message.name}”</p>;
    default:
      return assertNever(message);
  }
}
