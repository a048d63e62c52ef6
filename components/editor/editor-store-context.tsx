"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { EditorActions, EditorState, EditorStore } from "./editor-store";

const EditorStoreContext = createContext<EditorStore | null>(null);

export function EditorStoreProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (store === null) throw new Error("useEditor needs an EditorStoreProvider above it");
  return store;
}

/** Subscribe through a narrow selector so a keystroke in the inspector re-renders only what reads it. */
export function useEditor<T>(selector: (state: EditorState & EditorActions) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
