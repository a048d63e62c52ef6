"use client";

import { memo } from "react";
import type { CustomerInput } from "@/lib/flow/outgoing-message";
import { readCloudMessage, type CloudChoice, type CloudMessageView } from "./cloud-message";
import { chatTime, formatBytes } from "./chat-time";
import type { ChatLine } from "./simulator-view";

type Handlers = {
  onChoose: (choice: CloudChoice) => void;
  onOpenList: (list: Extract<CloudMessageView, { kind: "list" }>) => void;
  onShareLocation: () => void;
  disabled: boolean;
};

/** One chat line drawn the way WhatsApp draws it: the customer on the right in green, the business on the left. */
export const MessageBubble = memo(function MessageBubble({ line, showJson, ...handlers }: { line: ChatLine; showJson: boolean } & Handlers) {
  if (line.from === "customer") return <CustomerBubble line={line} />;
  const message = readCloudMessage(line.payload);
  return (
    <li className="flex flex-col items-start gap-1" data-testid="bot-message">
      <div className="relative max-w-[85%] rounded-lg rounded-tl-none bg-white px-2.5 pt-1.5 pb-4 text-[14.2px] leading-snug text-[#111b21] shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]">
        {line.from === "agent" ? <p className="text-xs font-semibold text-[#1fa855]">Agent</p> : null}
        <BotContent message={message} />
        <span className="absolute right-2 bottom-1 text-[11px] text-[#667781]">{chatTime(line.at)}</span>
      </div>
      <BotActions message={message} {...handlers} />
      {showJson ? (
        <details open className="w-[85%] rounded-md bg-[#0b141a] text-[11px] text-[#e9edef]">
          <summary className="cursor-pointer px-2 py-1 text-[#8696a0]">Cloud API JSON · outbox {line.status ?? "—"}</summary>
          <pre className="max-h-64 overflow-auto px-2 pb-2 whitespace-pre-wrap" data-testid="cloud-json">
            {JSON.stringify(line.payload, null, 2)}
          </pre>
        </details>
      ) : null}
    </li>
  );
});

function BotContent({ message }: { message: CloudMessageView }) {
  switch (message.kind) {
    case "text":
      return <p className="pr-10 whitespace-pre-wrap">{message.body}</p>;
    case "buttons":
    case "list":
      return (
        <div className="pr-10">
          {message.header ? <p className="mb-1 font-semibold">{message.header}</p> : null}
          <p className="whitespace-pre-wrap">{message.body}</p>
          {message.footer ? <p className="mt-1 text-[13px] text-[#667781]">{message.footer}</p> : null}
        </div>
      );
    case "location_request":
      return <p className="pr-10 whitespace-pre-wrap">{message.body}</p>;
    case "media":
      return (
        <div className="pr-10">
          {message.mediaType === "image" && message.link ? (
            // A plain <img>: the link comes from the flow at run time, not from the app's own assets.
            <img src={message.link} alt={message.caption ?? "Image from the business"} className="mb-1 max-h-56 rounded-md" />
          ) : (
            <p className="mb-1 flex items-center gap-2 rounded-md bg-[#f5f6f6] px-2 py-2">
              <FileIcon />
              {message.filename ?? message.mediaType}
            </p>
          )}
          {message.caption ? <p className="whitespace-pre-wrap">{message.caption}</p> : null}
        </div>
      );
    case "template":
      return <p className="pr-10 italic">Template “{message.name}”</p>;
    case "unknown":
      return <p className="pr-10 italic text-[#667781]">Unsupported message ({message.type})</p>;
    default: {
      const never: never = message;
      return never;
    }
  }
}

const actionClass =
  "flex w-full items-center justify-center gap-2 rounded-lg bg-white px-3 py-2 text-[14px] font-medium text-[#027eb5] shadow-[0_1px_0.5px_rgba(11,20,26,0.13)] hover:bg-[#f5f6f6] disabled:cursor-not-allowed disabled:text-[#8696a0]";

/** Reply buttons sit under the bubble, the list opens a sheet, a location request offers to share a location. */
function BotActions({ message, onChoose, onOpenList, onShareLocation, disabled }: { message: CloudMessageView } & Handlers) {
  switch (message.kind) {
    case "buttons":
      return (
        <div className="flex w-[85%] flex-col gap-1" role="group" aria-label="Reply buttons">
          {message.buttons.map((button) => (
            <button key={button.id} type="button" className={actionClass} disabled={disabled} onClick={() => onChoose(button)}>
              <span aria-hidden>↩</span>
              {button.title}
            </button>
          ))}
        </div>
      );
    case "list":
      return (
        <div className="w-[85%]">
          <button type="button" className={actionClass} disabled={disabled} onClick={() => onOpenList(message)}>
            <span aria-hidden>☰</span>
            {message.button}
          </button>
        </div>
      );
    case "location_request":
      return (
        <div className="w-[85%]">
          <button type="button" className={actionClass} disabled={disabled} onClick={onShareLocation}>
            Send location
          </button>
        </div>
      );
    case "text":
    case "media":
    case "template":
    case "unknown":
      return null;
    default: {
      const never: never = message;
      return never;
    }
  }
}

function CustomerBubble({ line }: { line: ChatLine }) {
  const read = line.status === "read";
  return (
    <li className="flex justify-end" data-testid="customer-message">
      <div className="relative max-w-[85%] rounded-lg rounded-tr-none bg-[#d9fdd3] px-2.5 pt-1.5 pb-4 text-[14.2px] leading-snug text-[#111b21] shadow-[0_1px_0.5px_rgba(11,20,26,0.13)]">
        <CustomerContent input={line.input} text={line.text} />
        <span className="absolute right-2 bottom-1 flex items-center gap-1 text-[11px] text-[#667781]">
          {chatTime(line.at)}
          <span aria-label={read ? "Read" : "Delivered"} className={read ? "text-[#53bdeb]" : "text-[#8696a0]"}>
            ✓✓
          </span>
        </span>
      </div>
    </li>
  );
}

function CustomerContent({ input, text }: { input: CustomerInput | null; text: string }) {
  if (input?.kind === "media") {
    return (
      <div className="pr-14">
        <p className="flex items-center gap-2 rounded-md bg-[#c8f0c0] px-2 py-2">
          <FileIcon />
          <span>
            {input.filename ?? input.mediaType}
            <span className="block text-[11px] text-[#667781]">
              {input.mimeType}
              {input.sizeBytes === undefined ? "" : ` · ${formatBytes(input.sizeBytes)}`}
            </span>
          </span>
        </p>
        {input.caption ? <p className="mt-1">{input.caption}</p> : null}
      </div>
    );
  }
  if (input?.kind === "location") {
    return <p className="pr-14">Location: {input.name ?? `${input.latitude}, ${input.longitude}`}</p>;
  }
  return <p className="pr-14 whitespace-pre-wrap">{text}</p>;
}

/** Drawn, not an emoji: headless and some desktop browsers have no emoji font. */
function FileIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="h-7 w-7 shrink-0 text-[#54656f]" fill="none" stroke="currentColor" strokeWidth="1.6">
      <path d="M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8z" />
      <path d="M14 3v5h5" />
    </svg>
  );
}
