/** The building diagram: React Flow over nodes derived from the cluster by toFlowElements. */
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useStore as useFlowStore,
  useStoreApi,
  type Edge,
  type NodeChange,
  type ReactFlowInstance,
} from '@xyflow/react';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type CSSProperties,
} from 'react';
import { reachFrom } from '../model/reach.ts';
import { useLab, useLabStore, useRuntime } from '../shell/store-context.tsx';
import { selectionFromId, selectionId } from '../shell/selection.ts';
import { edgeTypes, VerdictMarkers } from './edges.tsx';
import { sameEdge, sameLabNode, stabilize, toFlowElements, type LabNode } from './elements.ts';
import { nodeTypes } from './nodes.tsx';
import { focusBox } from './focus-path.ts';
import { Overview, type OverviewRoom } from './Overview.tsx';
import { Legend } from './Legend.tsx';
import {
  MIN_ZOOM,
  OVERVIEW_MIN_WIDTH,
  overviewByDefault,
  nodesBox,
  planViewport,
  zoomBand,
  zoomLevel,
} from './zoom.ts';

/** The lobby's directory and the first row of the learner's rooms. */
function startOfPlan(nodes: LabNode[]): { id: string }[] {
  const rooms = nodes.filter((n) => n.type === 'room');
  const user = rooms.filter((n) => n.type === 'room' && !n.data.system).slice(0, 3);
  return [...rooms.filter((n) => n.id === 'ns:kube-system'), ...user].map((n) => ({ id: n.id }));
}

/** Props React Flow copies into its store whenever they change identity: declared once. */
const proOptions = { hideAttribution: true };
const ariaLabelConfig = {
  'node.a11yDescription.default': 'Press Enter or Space to inspect this object.',
};

/** Whether the window is wide enough for the overview map by default (follows resizes). */
function useWideWindow(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const q = matchMedia(`(min-width: ${OVERVIEW_MIN_WIDTH}px)`);
      q.addEventListener('change', onChange);
      return () => q.removeEventListener('change', onChange);
    },
    () => overviewByDefault(window.innerWidth),
  );
}

/** The bottom-right corner of the plan: it moves when the building grows. */
function planExtent(nodes: LabNode[]): string {
  let w = 0;
  let h = 0;
  for (const n of nodes) {
    if (n.type !== 'room') continue;
    w = Math.max(w, n.position.x + (n.width ?? 0));
    h = Math.max(h, n.position.y + (n.height ?? 0));
  }
  return `${w}x${h}`;
}

/** True when `next` only adds rooms to `prev` (false when the cluster was replaced). */
function extendsRooms(prev: readonly string[], next: readonly string[]): boolean {
  return prev.every((r, i) => next[i] === r);
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export function Diagram() {
  return (
    <ReactFlowProvider>
      <Building />
    </ReactFlowProvider>
  );
}

function Building() {
  const store = useLabStore();
  const cluster = useLab((s) => s.cluster);
  const tests = useLab((s) => s.tests);
  const rooms = useLab((s) => s.rooms);
  const showLabels = useLab((s) => s.showLabels);
  const selection = useLab((s) => s.selection);
  const focusedTest = useLab((s) => s.focusedTest);
  const reachMode = useLab((s) => s.reach);
  const selected = selection ? selectionId(selection) : null;
  const rt = useRuntime();
  const results = useMemo(
    () => (rt ? rt.runConnectionTests(cluster, tests) : []),
    [rt, cluster, tests],
  );
  const reach = useMemo(() => {
    if (!rt || !reachMode || selection?.kind !== 'Pod') return undefined;
    return reachFrom(
      rt,
      cluster,
      `${selection.namespace}/${selection.name}`,
      reachMode.port,
      reachMode.protocol,
    );
  }, [rt, cluster, reachMode, selection]);
  const prevNodes = useRef(new Map<string, LabNode>());
  const prevEdges = useRef(new Map<string, Edge>());
  const { nodes, edges } = useMemo(() => {
    const raw = toFlowElements({
      state: cluster,
      rooms,
      showLabels,
      selected,
      tests: results,
      focusedTest,
      reach,
    });
    const n = stabilize(prevNodes.current, raw.nodes, sameLabNode);
    const e = stabilize(prevEdges.current, raw.edges, sameEdge);
    prevNodes.current = n.map;
    prevEdges.current = e.map;
    return { nodes: n.list, edges: e.list };
  }, [cluster, rooms, showLabels, selected, results, focusedTest, reach]);

  const onNodesChange = useCallback(
    (changes: NodeChange<LabNode>[]) => {
      for (const c of changes) {
        if (c.type === 'select' && c.selected) {
          const sel = selectionFromId(c.id);
          if (sel) store.getState().select(sel);
        }
      }
    },
    [store],
  );
  const onEdgeClick = useCallback(
    (_: unknown, edge: Edge) => {
      if (edge.id.startsWith('test:')) store.getState().focusTest(edge.id.slice(5));
    },
    [store],
  );

  const overview = useMemo<OverviewRoom[]>(
    () =>
      nodes.flatMap((n) =>
        n.type === 'room'
          ? [
              {
                id: n.id,
                x: n.position.x,
                y: n.position.y,
                w: n.width ?? 0,
                h: n.height ?? 0,
                system: n.data.system,
                marked:
                  selected === `Namespace//${n.data.name}` ||
                  (selected?.split('/')[1] ?? '') === n.data.name,
              },
            ]
          : [],
      ),
    [nodes, selected],
  );
  const flow = useRef<ReactFlowInstance<LabNode, Edge> | null>(null);
  const onInit = useCallback((i: ReactFlowInstance<LabNode, Edge>) => {
    flow.current = i;
  }, []);
  const onPaneClick = useCallback(() => store.getState().select(null), [store]);
  const roomCount = useMemo(() => nodes.filter((n) => n.type === 'room').length, [nodes]);
  const flowStore = useStoreApi();
  /** Brings the plan into view (its start, for a big building), names readable. */
  const fitPlan = useCallback(
    function fit(animate: boolean, tries = 0) {
      const big = roomCount > 24;
      const ids = new Set(
        (big ? startOfPlan(nodes) : nodes.filter((n) => n.type === 'room')).map((n) => n.id),
      );
      const box = nodesBox(nodes, ids);
      if (!box) return;
      const { width, height } = flowStore.getState();
      // The pane is measured, and React Flow ready, a frame or two after mounting.
      if (!width || !height || !flow.current) {
        if (tries < 30) requestAnimationFrame(() => fit(animate, tries + 1));
        return;
      }
      void flow.current?.setViewport(planViewport(box, width, height), {
        duration: animate && !big && !reducedMotion() ? 300 : 0,
      });
    },
    [roomCount, nodes, flowStore],
  );
  // The camera follows the building (a new room, more desks, a replaced cluster) until the
  // learner moves it; replacing the cluster (a lesson, a file, a reset) gives it back.
  const userMoved = useRef(false);
  const onMoveStart = useCallback((event: unknown) => {
    if (event) userMoved.current = true;
  }, []);
  const extent = planExtent(nodes);
  const last = useRef<{ rooms: string[]; roomCount: number; extent: string } | null>(null);
  useEffect(() => {
    const prev = last.current ?? { rooms: [], roomCount: -1, extent: '' };
    const first = last.current === null;
    last.current = { rooms, roomCount, extent };
    const replaced = !first && !extendsRooms(prev.rooms, rooms);
    if (replaced) userMoved.current = false;
    const grew = roomCount > prev.roomCount;
    if (!replaced && !grew && (extent === prev.extent || userMoved.current)) return;
    requestAnimationFrame(() => fitPlan(!replaced && !first));
  }, [rooms, roomCount, extent, fitPlan]);

  // "Show on the diagram": pan and zoom to the nodes asked for and the test's path.
  const focusRequest = useLab((s) => s.focusRequest);
  const lastFocus = useRef(focusRequest?.seq ?? 0);
  useEffect(() => {
    if (!focusRequest || focusRequest.seq === lastFocus.current) return;
    lastFocus.current = focusRequest.seq;
    const box = focusBox(nodes, results, focusRequest);
    if (!box) return;
    userMoved.current = true;
    // fitBounds, not fitView: React Flow queues a fitView until its nodes next change.
    void flow.current?.fitBounds(box, { padding: 0.15, duration: reducedMotion() ? 0 : 400 });
  }, [focusRequest, nodes, results]);

  // Semantic zoom: a level and a band, not the raw zoom, so a zoom re-renders only at steps.
  const level = useFlowStore((s) => zoomLevel(s.transform[2]));
  const band = useFlowStore((s) => zoomBand(s.transform[2]));
  const wide = useWideWindow();
  const overviewChoice = useLab((s) => s.overview);
  const showOverview = overviewChoice ?? wide;
  const toggleOverview = useCallback(
    () => store.getState().setOverview(!showOverview),
    [store, showOverview],
  );
  const style = useMemo(() => ({ '--band': band }) as CSSProperties, [band]);

  return (
    <div className="diagram" data-zoom={level} style={style}>
      <Legend
        enforcing={cluster.settings.networkPolicy === 'enforcing'}
        reach={
          reachMode
            ? {
                source:
                  selection?.kind === 'Pod' ? `${selection.namespace}/${selection.name}` : null,
                port: reachMode.port,
                protocol: reachMode.protocol,
              }
            : null
        }
      />
      <VerdictMarkers />
      <div className="diagram__body">
        <ReactFlow<LabNode, Edge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgeClick={onEdgeClick}
          onPaneClick={onPaneClick}
          onInit={onInit}
          onMoveStart={onMoveStart}
          minZoom={MIN_ZOOM}
          maxZoom={2}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable
          onlyRenderVisibleElements={nodes.length > 300}
          proOptions={proOptions}
          deleteKeyCode={null}
          ariaLabelConfig={ariaLabelConfig}
        >
          <Background variant={BackgroundVariant.Dots} gap={24} size={1.5} color="#c9d1dc" />
          <Controls showInteractive={false} position="bottom-left">
            <ControlButton
              onClick={toggleOverview}
              aria-pressed={showOverview}
              aria-label={
                showOverview ? 'Hide the floor plan overview' : 'Show the floor plan overview'
              }
              title={showOverview ? 'Hide the floor plan overview' : 'Show the floor plan overview'}
              className="overview-toggle"
            >
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                <rect
                  x="1.5"
                  y="1.5"
                  width="13"
                  height="13"
                  rx="2"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.6"
                />
                <rect x="4" y="4" width="5" height="4" fill="currentColor" />
              </svg>
            </ControlButton>
          </Controls>
        </ReactFlow>
        {showOverview && <Overview rooms={overview} />}
      </div>
    </div>
  );
}
