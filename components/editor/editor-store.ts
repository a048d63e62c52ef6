import { createStore, type StoreApi } from "zustand/vanilla";
import { produce, type Draft } from "immer";
import { z } from "zod";
import { flowEdgeSchema, type FlowDocument, type FlowEdge, type FlowSettings } from "@/lib/flow/flow-document";
import { flowNodeSchema, type FlowNode, type NodeType } from "@/lib/flow/flow-node";
import { createDefaultNode, type Position } from "@/lib/flow/node-catalog";
import { outputPorts } from "@/lib/flow/ports";

/** Undo reaches back this many gestures (issue 5 asks for at least 100). */
export const HISTORY_LIMIT = 150;

export type Size = { width: number; height: number };
/** Where the inspector should put the cursor, e.g. after a click in the validation panel. */
export type FocusRequest = { nodeId: string | null; field: string | null; seq: number };

export type EditorState = {
  document: FlowDocument;
  readOnly: boolean;
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  /** Sizes React Flow measured; kept beside the document because drafts never store canvas internals. */
  measured: Readonly<Record<string, Size>>;
  past: readonly FlowDocument[];
  future: readonly FlowDocument[];
  /** Counts document changes, so autosave can tell "changed since my last save" without comparing documents. */
  changeCount: number;
  /** Consecutive edits with the same key (typing in one field) merge into one undo step. */
  lastCoalesceKey: string | null;
  /** The document before the drag in progress: a whole drag is one undo step. */
  dragOrigin: FlowDocument | null;
  focusRequest: FocusRequest | null;
  panel: "node" | "settings" | "problems";
};

export type EditorActions = {
  addNode: (type: NodeType, position: Position) => string;
  connect: (connection: { source: string; sourcePort: string; target: string }) => boolean;
  /** `coalesceKey`: consecutive edits with the same key (typing in one field) make one undo step; null never merges. */
  updateNodeData: (nodeId: string, data: FlowNode["data"], coalesceKey?: string | null) => void;
  updateNodeBase: (nodeId: string, base: { title?: string | undefined; sensitive?: boolean | undefined }, coalesceKey?: string) => void;
  updateSettings: (settings: FlowSettings, coalesceKey?: string | null) => void;
  updateFlowMeta: (meta: { name?: string; description?: string }, coalesceKey?: string) => void;
  deleteElements: (nodeIds: readonly string[], edgeIds: readonly string[]) => void;
  deleteSelection: () => void;
  select: (nodeIds: readonly string[], edgeIds?: readonly string[]) => void;
  selectAll: () => void;
  /** Live positions while dragging: no history until endDrag. */
  moveNodes: (positions: ReadonlyMap<string, Position>) => void;
  startDrag: () => void;
  endDrag: () => void;
  setPositions: (positions: ReadonlyMap<string, Position>) => void;
  setMeasured: (sizes: ReadonlyMap<string, Size>) => void;
  copySelection: () => string | null;
  paste: (text: string) => boolean;
  replaceDocument: (document: FlowDocument) => void;
  undo: () => void;
  redo: () => void;
  requestFocus: (nodeId: string | null, field: string | null) => void;
  showPanel: (panel: EditorState["panel"]) => void;
};

export type EditorStore = StoreApi<EditorState & EditorActions>;

const CLIPBOARD_KIND = "threadline/steps";
const clipboardSchema = z.object({
  kind: z.literal(CLIPBOARD_KIND),
  nodes: z.array(flowNodeSchema).min(1),
  edges: z.array(flowEdgeSchema),
});

/** Edges are named after their port; a port has at most one edge, so this stays unique. */
export const edgeIdFor = (source: string, sourcePort: string): string => `${source}.${sourcePort}`;

export function createEditorStore(
  initial: FlowDocument,
  options: { readOnly?: boolean; newId?: () => string } = {},
): EditorStore {
  const newId = options.newId ?? (() => crypto.randomUUID());
  return createStore<EditorState & EditorActions>()((set, get) => {
    /** Applies one user gesture to the document and records it for undo. */
    function commit(recipe: (draft: Draft<FlowDocument>) => void, coalesceKey: string | null = null): void {
      const state = get();
      if (state.readOnly) return;
      const next = produce(state.document, recipe);
      if (next === state.document) return;
      const merge = coalesceKey !== null && coalesceKey === state.lastCoalesceKey;
      set({
        document: next,
        past: merge ? state.past : [...state.past, state.document].slice(-HISTORY_LIMIT),
        future: [],
        changeCount: state.changeCount + 1,
        lastCoalesceKey: coalesceKey,
      });
    }

    const existingIds = () => new Set(get().document.nodes.map((node) => node.id));
    const withoutStale = (ids: readonly string[], valid: Set<string>) => ids.filter((id) => valid.has(id));

    return {
      document: initial,
      readOnly: options.readOnly ?? false,
      selectedNodeIds: [],
      selectedEdgeIds: [],
      measured: {},
      past: [],
      future: [],
      changeCount: 0,
      lastCoalesceKey: null,
      dragOrigin: null,
      focusRequest: null,
      panel: "node",

      addNode(type, position) {
        const id = newId();
        commit((draft) => {
          draft.nodes.push(createDefaultNode(type, id, position));
        });
        set({ selectedNodeIds: [id], selectedEdgeIds: [], panel: "node" });
        return id;
      },

      connect({ source, sourcePort, target }) {
        const { document } = get();
        const from = document.nodes.find((node) => node.id === source);
        const to = document.nodes.find((node) => node.id === target);
        if (!from || !to || source === target || to.type === "start") return false;
        if (!outputPorts(from).some((port) => port.id === sourcePort)) return false;
        commit((draft) => {
          // One edge per port: a new connection from a port replaces the old one.
          draft.edges = draft.edges.filter((edge) => !(edge.source === source && edge.sourcePort === sourcePort));
          draft.edges.push({ id: edgeIdFor(source, sourcePort), source, sourcePort, target });
        });
        return true;
      },

      updateNodeData(nodeId, data, coalesceKey) {
        commit((draft) => {
          const node = draft.nodes.find((candidate) => candidate.id === nodeId);
          if (!node) return;
          node.data = data;
          // A port that no longer exists (a removed button or category) takes its edge with it.
          const ports = new Set(outputPorts(node).map((port) => port.id));
          draft.edges = draft.edges.filter((edge) => edge.source !== nodeId || ports.has(edge.sourcePort));
        }, coalesceKey ?? null);
      },

      updateNodeBase(nodeId, base, coalesceKey) {
        commit((draft) => {
          const node = draft.nodes.find((candidate) => candidate.id === nodeId);
          if (!node) return;
          if ("title" in base) {
            if (base.title === undefined || base.title === "") delete node.title;
            else node.title = base.title;
          }
          if ("sensitive" in base) {
            if (base.sensitive) node.sensitive = true;
            else delete node.sensitive;
          }
        }, coalesceKey ?? `base:${nodeId}`);
      },

      updateSettings(settings, coalesceKey) {
        commit((draft) => {
          draft.settings = settings;
        }, coalesceKey ?? null);
      },

      updateFlowMeta(meta, coalesceKey) {
        commit((draft) => {
          if (meta.name !== undefined) draft.name = meta.name;
          if (meta.description !== undefined) draft.description = meta.description;
        }, coalesceKey ?? "meta");
      },

      deleteElements(nodeIds, edgeIds) {
        const nodes = new Set(nodeIds);
        const edges = new Set(edgeIds);
        commit((draft) => {
          // The start step is where every conversation begins; deleting it would leave nothing to run.
          const removable = new Set(draft.nodes.filter((node) => nodes.has(node.id) && node.type !== "start").map((node) => node.id));
          draft.nodes = draft.nodes.filter((node) => !removable.has(node.id));
          draft.edges = draft.edges.filter((edge) => !edges.has(edge.id) && !removable.has(edge.source) && !removable.has(edge.target));
          if (draft.settings.defaultHandoffNodeId !== undefined && removable.has(draft.settings.defaultHandoffNodeId)) {
            delete draft.settings.defaultHandoffNodeId;
          }
        });
        const valid = existingIds();
        set((state) => ({
          selectedNodeIds: withoutStale(state.selectedNodeIds, valid),
          selectedEdgeIds: state.selectedEdgeIds.filter((id) => !edges.has(id)),
        }));
      },

      deleteSelection() {
        const { selectedNodeIds, selectedEdgeIds } = get();
        get().deleteElements(selectedNodeIds, selectedEdgeIds);
      },

      select(nodeIds, edgeIds = []) {
        const state = get();
        if (sameIds(state.selectedNodeIds, nodeIds) && sameIds(state.selectedEdgeIds, edgeIds)) return;
        set({ selectedNodeIds: [...nodeIds], selectedEdgeIds: [...edgeIds], ...(nodeIds.length > 0 ? { panel: "node" as const } : {}) });
      },

      selectAll() {
        const { document } = get();
        set({ selectedNodeIds: document.nodes.map((node) => node.id), selectedEdgeIds: document.edges.map((edge) => edge.id) });
      },

      moveNodes(positions) {
        const state = get();
        if (state.readOnly) return;
        const next = produce(state.document, (draft) => {
          for (const node of draft.nodes) {
            const position = positions.get(node.id);
            if (position) node.position = { x: position.x, y: position.y };
          }
        });
        set({ document: next, changeCount: state.changeCount + 1 });
      },

      startDrag() {
        if (get().dragOrigin === null) set({ dragOrigin: get().document });
      },

      endDrag() {
        const { dragOrigin, document, past } = get();
        if (dragOrigin === null) return;
        const moved = dragOrigin !== document;
        set({
          dragOrigin: null,
          lastCoalesceKey: null,
          ...(moved ? { past: [...past, dragOrigin].slice(-HISTORY_LIMIT), future: [] } : {}),
        });
      },

      setPositions(positions) {
        commit((draft) => {
          for (const node of draft.nodes) {
            const position = positions.get(node.id);
            if (position) node.position = { x: Math.round(position.x), y: Math.round(position.y) };
          }
        });
      },

      setMeasured(sizes) {
        set((state) => {
          let changed = false;
          const measured = { ...state.measured };
          for (const [id, size] of sizes) {
            const old = measured[id];
            if (old?.width === size.width && old.height === size.height) continue;
            measured[id] = size;
            changed = true;
          }
          return changed ? { measured } : {};
        });
      },

      copySelection() {
        const { document, selectedNodeIds } = get();
        const picked = new Set(selectedNodeIds);
        const nodes = document.nodes.filter((node) => picked.has(node.id));
        if (nodes.length === 0) return null;
        const edges = document.edges.filter((edge) => picked.has(edge.source) && picked.has(edge.target));
        return JSON.stringify({ kind: CLIPBOARD_KIND, nodes, edges });
      },

      paste(text) {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          // Not ours (someone pasted plain text on the canvas): nothing to paste.
          return false;
        }
        const parsed = clipboardSchema.safeParse(value);
        if (!parsed.success) return false;
        const ids = new Map(parsed.data.nodes.map((node) => [node.id, newId()]));
        const rename = (id: string) => ids.get(id) ?? id;
        const taken = existingIds();
        // Pasting into the flow it came from offsets the copy so it does not hide the original.
        const offset = parsed.data.nodes.some((node) => taken.has(node.id)) ? 40 : 0;
        const hasStart = get().document.nodes.some((node) => node.type === "start");
        const nodes = parsed.data.nodes
          .filter((node) => !(hasStart && node.type === "start"))
          .map((node) => ({ ...node, id: rename(node.id), position: { x: node.position.x + offset, y: node.position.y + offset } }));
        const kept = new Set(nodes.map((node) => node.id));
        const edges: FlowEdge[] = parsed.data.edges
          .map((edge) => ({ ...edge, source: rename(edge.source), target: rename(edge.target) }))
          .filter((edge) => kept.has(edge.source) && kept.has(edge.target))
          .map((edge) => ({ ...edge, id: edgeIdFor(edge.source, edge.sourcePort) }));
        if (nodes.length === 0) return false;
        commit((draft) => {
          draft.nodes.push(...nodes);
          draft.edges.push(...edges);
        });
        set({ selectedNodeIds: nodes.map((node) => node.id), selectedEdgeIds: [] });
        return true;
      },

      replaceDocument(document) {
        commit((draft) => {
          Object.assign(draft, document);
        });
        set({ selectedNodeIds: [], selectedEdgeIds: [], measured: {} });
      },

      undo() {
        const { past, future, document, readOnly } = get();
        const previous = past[past.length - 1];
        if (readOnly || previous === undefined) return;
        set((state) => ({
          document: previous,
          past: past.slice(0, -1),
          future: [document, ...future],
          changeCount: state.changeCount + 1,
          lastCoalesceKey: null,
          ...selectionWithin(previous, state),
        }));
      },

      redo() {
        const { past, future, document, readOnly } = get();
        const [next, ...rest] = future;
        if (readOnly || next === undefined) return;
        set((state) => ({
          document: next,
          past: [...past, document].slice(-HISTORY_LIMIT),
          future: rest,
          changeCount: state.changeCount + 1,
          lastCoalesceKey: null,
          ...selectionWithin(next, state),
        }));
      },

      requestFocus(nodeId, field) {
        set((state) => ({
          focusRequest: { nodeId, field, seq: (state.focusRequest?.seq ?? 0) + 1 },
          ...(nodeId === null ? { panel: "settings" as const } : { selectedNodeIds: [nodeId], selectedEdgeIds: [], panel: "node" as const }),
        }));
      },

      showPanel(panel) {
        set({ panel });
      },
    };
  });
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

function selectionWithin(document: FlowDocument, state: Pick<EditorState, "selectedNodeIds" | "selectedEdgeIds">) {
  const nodes = new Set(document.nodes.map((node) => node.id));
  const edges = new Set(document.edges.map((edge) => edge.id));
  return {
    selectedNodeIds: state.selectedNodeIds.filter((id) => nodes.has(id)),
    selectedEdgeIds: state.selectedEdgeIds.filter((id) => edges.has(id)),
  };
}
