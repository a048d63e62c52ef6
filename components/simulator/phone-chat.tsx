"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import type { z } from "zod";
import type { CloudMessageView } from "./cloud-message";
import { MessageBubble } from "./message-bubble";
import { ListSheet } from "./list-sheet";
import type { chatInputSchema } from "./simulator-input";
import type { SimulatorView } from "./simulator-view";
import { chatTime } from "./chat-time";

export type ChatInput = z.infer<typeof chatInputSchema>;

/** A shared location the simulated customer sends when asked; any fixed point serves for testing. */
const SAMPLE_LOCATION = { latitude: 51.5072, longitude: -0.1276, name: "Trafalgar Square, London" };

/** The phone: WhatsApp's header, beige chat, bubbles, the list sheet, the composer and one-time-code notifications. */
export function PhoneChat({
  view,
  showJson,
  busy,
  error,
  onSend,
  onUpload,
}: {
  view: SimulatorView;
  showJson: boolean;
  busy: boolean;
  error: string | null;
  onSend: (input: ChatInput) => void;
  onUpload: (file: File) => void;
}) {
  const [draft, setDraft] = useState("");
  const [openList, setOpenList] = useState<Extract<CloudMessageView, { kind: "list" }> | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const scroller = useRef<HTMLOListElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const notice = view.notices.at(-1);
  const agentPhrase = view.flow.document.settings.agentPhrases[0] ?? "agent";
  const lineCount = view.lines.length;

  useEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
  }, [lineCount]);

  const sendText = () => {
    const text = draft.trim();
    if (!text) return;
    onSend({ kind: "text", text });
    setDraft("");
  };

  return (
    <div className="mx-auto w-[370px] shrink-0 rounded-[2.6rem] border-[10px] border-slate-900 bg-slate-900 shadow-xl" aria-label="Simulated phone" role="region">
      <div className="relative flex h-[720px] flex-col overflow-hidden rounded-[2rem] bg-[#efeae2]">
        <header className="flex items-center gap-3 bg-[#008069] px-3 pt-6 pb-2.5 text-white">
          <span aria-hidden className="text-lg">
            ←
          </span>
          <span aria-hidden className="flex h-9 w-9 items-center justify-center rounded-full bg-[#dfe5e7] text-sm font-semibold text-[#008069]">
            {view.flow.name.slice(0, 1).toUpperCase()}
          </span>
          <div className="min-w-0 flex-1 leading-tight">
            <p className="truncate text-[16px] font-medium">{view.flow.name}</p>
            <p className="truncate text-[12px] text-white/80">{busy ? "typing…" : "Business account · simulated"}</p>
          </div>
          <span aria-hidden className="text-lg">
            ⋮
          </span>
        </header>

        {notice && dismissed !== notice.id ? (
          <div role="status" aria-label="Phone notification" className="absolute top-2 right-2 left-2 z-30 rounded-2xl bg-white/95 px-3 py-2 text-[13px] text-slate-900 shadow-lg">
            <div className="flex items-center justify-between text-[11px] text-slate-500">
              <span className="font-medium">Messages · {chatTime(notice.at)}</span>
              <button type="button" aria-label="Dismiss notification" onClick={() => setDismissed(notice.id)}>
                ✕
              </button>
            </div>
            <p data-testid="phone-notification">{notice.text}</p>
          </div>
        ) : null}

        <ol ref={scroller} className="flex flex-1 flex-col gap-2 overflow-y-auto px-3 py-3" aria-label="Chat" aria-live="polite">
          <li className="mx-auto max-w-[85%] rounded-md bg-[#ffeecd] px-2 py-1 text-center text-[12px] text-[#54656f]">
            Simulated conversation: nothing is sent to a real phone. Say hi to start.
          </li>
          {view.lines.map((line) => (
            <FragmentLine key={line.key} starts={line.startsConversation}>
              <MessageBubble
                line={line}
                showJson={showJson}
                disabled={busy}
                onChoose={(choice) => onSend({ kind: "choice", id: choice.id, title: choice.title })}
                onOpenList={setOpenList}
                onShareLocation={() => onSend({ kind: "location", ...SAMPLE_LOCATION })}
              />
            </FragmentLine>
          ))}
          {view.conversationStatus === "handoff" ? (
            <li className="mx-auto max-w-[90%] rounded-md bg-[#e1f3fb] px-2 py-1 text-center text-[12px] text-[#54656f]" data-testid="handoff-banner">
              Handed to {view.handoff?.queue ?? "a person"}
              {view.handoff ? ` · ${view.handoff.reason}` : ""}. The bot stays quiet; agents see this conversation flagged as simulated.
            </li>
          ) : null}
          {view.conversationStatus === "ended" ? (
            <li className="mx-auto rounded-md bg-white/80 px-2 py-1 text-[12px] text-[#54656f]">Conversation ended · a new message starts a new one</li>
          ) : null}
        </ol>

        {error ? (
          <p role="alert" className="mx-2 mb-1 rounded-md bg-red-50 px-2 py-1 text-[12px] text-red-800">
            {error}
          </p>
        ) : null}

        <div className="flex gap-1 overflow-x-auto px-2 pb-1">
          <button
            type="button"
            disabled={busy}
            onClick={() => onSend({ kind: "text", text: agentPhrase })}
            className="shrink-0 rounded-full border border-[#d1d7db] bg-white px-3 py-1 text-[12px] text-[#008069] disabled:opacity-50"
          >
            Talk to an agent
          </button>
        </div>
        <form
          className="flex items-end gap-1.5 px-2 pb-3"
          onSubmit={(event) => {
            event.preventDefault();
            sendText();
          }}
        >
          <div className="flex flex-1 items-center gap-2 rounded-3xl bg-white px-3 py-2 shadow-xs">
            <input
              aria-label="Message"
              placeholder="Message"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              className="min-w-0 flex-1 bg-transparent text-[15px] outline-none"
              maxLength={4096}
            />
            <button type="button" aria-label="Attach a file" className="text-[#54656f] disabled:opacity-50" disabled={busy} onClick={() => fileInput.current?.click()}>
              <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5 -rotate-45" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                <path d="M21 12.5 12.6 20.9a5.5 5.5 0 0 1-7.8-7.8l8.5-8.5a3.7 3.7 0 0 1 5.2 5.2l-8.5 8.5a1.8 1.8 0 0 1-2.6-2.6l7.8-7.8" />
              </svg>
            </button>
            <input
              ref={fileInput}
              type="file"
              aria-label="File to send"
              className="sr-only"
              tabIndex={-1}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) onUpload(file);
                event.target.value = "";
              }}
            />
          </div>
          <button
            type="submit"
            aria-label="Send"
            disabled={busy || draft.trim() === ""}
            className="flex h-11 w-11 items-center justify-center rounded-full bg-[#008069] text-white disabled:opacity-60"
          >
            <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="currentColor">
              <path d="M3.4 20.4 21 12 3.4 3.6 3.3 10.1 15.9 12 3.3 13.9z" />
            </svg>
          </button>
        </form>

        {openList ? (
          <ListSheet
            list={openList}
            onClose={() => setOpenList(null)}
            onSend={(row) => {
              setOpenList(null);
              onSend({ kind: "choice", id: row.id, title: row.title });
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

function FragmentLine({ starts, children }: { starts: boolean; children: ReactNode }) {
  if (!starts) return <>{children}</>;
  return (
    <>
      <li className="mx-auto rounded-md bg-white/80 px-2 py-1 text-[12px] text-[#54656f]">New conversation</li>
      {children}
    </>
  );
}
