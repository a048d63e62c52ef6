"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { CloudChoice, CloudMessageView } from "./cloud-message";

/** WhatsApp's list picker: a sheet from the bottom of the phone with sections of rows; pick one and send. */
export function ListSheet({
  list,
  onSend,
  onClose,
}: {
  list: Extract<CloudMessageView, { kind: "list" }>;
  onSend: (row: CloudChoice) => void;
  onClose: () => void;
}) {
  const [picked, setPicked] = useState<string | null>(null);
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  const rows = list.sections.flatMap((section) => section.rows);
  const chosen = rows.find((row) => row.id === picked);
  return (
    <div className="absolute inset-0 z-20 flex flex-col justify-end bg-black/40" onKeyDown={(event) => event.key === "Escape" && onClose()}>
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="max-h-[80%] overflow-y-auto rounded-t-2xl bg-white pb-3">
        <div className="sticky top-0 flex items-center gap-3 border-b border-slate-100 bg-white px-4 py-3">
          <button ref={closeRef} type="button" aria-label="Close" className="text-xl text-[#54656f]" onClick={onClose}>
            ✕
          </button>
          <h2 id={titleId} className="text-[16px] font-medium text-[#111b21]">
            {list.button}
          </h2>
        </div>
        {list.sections.map((section, index) => (
          <fieldset key={`${section.title}-${index}`} className="px-4 pt-3">
            <legend className="pt-2 pb-1 text-[13px] font-medium text-[#008069]">{section.title}</legend>
            {section.rows.map((row) => (
              <label key={row.id} className="flex cursor-pointer items-center justify-between gap-3 border-b border-slate-100 py-2.5">
                <span>
                  <span className="block text-[15px] text-[#111b21]">{row.title}</span>
                  {row.description ? <span className="block text-[13px] text-[#667781]">{row.description}</span> : null}
                </span>
                <input type="radio" name="list-row" value={row.id} checked={picked === row.id} onChange={() => setPicked(row.id)} className="h-5 w-5 accent-[#008069]" />
              </label>
            ))}
          </fieldset>
        ))}
        <div className="px-4 pt-3">
          <button
            type="button"
            disabled={!chosen}
            onClick={() => chosen && onSend(chosen)}
            className="w-full rounded-full bg-[#008069] py-2.5 text-[15px] font-medium text-white disabled:bg-[#8696a0]"
          >
            Send
          </button>
        </div>
      </div>
    </div>
  );
}
