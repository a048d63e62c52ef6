"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { EditorStore } from "./editor-store";
import type { SaveDraftAction } from "./editor-actions";

/** Quiet time after the last change before the draft is sent (issue 5: saved within about a second). */
export const AUTOSAVE_DELAY_MS = 700;

export type SaveStatus =
  | { kind: "saved" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "error"; message: string; problems: readonly string[] }
  | { kind: "conflict"; message: string };

/** Where a draft that lost a conflict is kept, so the manager can paste it after reloading. */
export const conflictCopyKey = (flowId: string) => `threadline:unsaved-copy:${flowId}`;

/**
 * Debounced autosave of the whole document with the revision it started from. A conflict stops autosaving for
 * good: the other person's version wins on the server, and this copy is kept locally to paste after a reload.
 */
export function useAutosave(store: EditorStore, options: { flowId: string; revision: number; save: SaveDraftAction; enabled: boolean }) {
  const { flowId, save, enabled } = options;
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved" });
  const revision = useRef(options.revision);
  const savedChange = useRef(store.getState().changeCount);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopped = useRef(false);

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) await inFlight.current;
    const { changeCount, document, dragOrigin } = store.getState();
    if (stopped.current) return false;
    if (changeCount === savedChange.current) return true;
    if (dragOrigin !== null) return false;
    setStatus({ kind: "saving" });
    const attempt = (async () => {
      try {
        const result = await save({ flowId, revision: revision.current, document });
        if (result.ok) {
          revision.current = result.value.revision;
          savedChange.current = changeCount;
          setStatus(store.getState().changeCount === changeCount ? { kind: "saved" } : { kind: "unsaved" });
          return;
        }
        if (result.error.code === "conflict") {
          stopped.current = true;
          window.localStorage.setItem(conflictCopyKey(flowId), JSON.stringify({ kind: "threadline/steps", nodes: document.nodes, edges: document.edges }));
          setStatus({ kind: "conflict", message: result.error.message });
          return;
        }
        setStatus({ kind: "error", message: result.error.message, problems: result.error.problems ?? [] });
      } catch {
        // A dropped connection or a server restart: the change stays here and the next edit or retry sends it.
        setStatus({ kind: "error", message: "Couldn't reach the server. Your changes are still here; we'll try again.", problems: [] });
      }
    })();
    inFlight.current = attempt;
    await attempt;
    inFlight.current = null;
    return store.getState().changeCount === savedChange.current;
  }, [flowId, save, store]);

  useEffect(() => {
    if (!enabled) return;
    return store.subscribe((state, previous) => {
      const isDragEnd = previous.dragOrigin !== null && state.dragOrigin === null;
      if (state.changeCount === previous.changeCount && !isDragEnd) return;
      if (stopped.current || state.changeCount === savedChange.current) return;
      setStatus((old) => (old.kind === "saving" || old.kind === "unsaved" ? old : { kind: "unsaved" }));
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void saveNow().then((done) => {
          // Changes made while the save was in flight get their own save.
          if (!done && !stopped.current && store.getState().dragOrigin === null) void saveNow();
        });
      }, AUTOSAVE_DELAY_MS);
    });
  }, [enabled, saveNow, store]);

  const isUnsaved = status.kind !== "saved";
  useEffect(() => {
    if (!isUnsaved || !enabled) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isUnsaved, enabled]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  return { status, saveNow };
}
