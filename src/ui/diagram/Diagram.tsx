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
  useLayoutEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type CSSProperties,
} from 'react';
import { reachFrom } from '../model/reach.ts';
import { useLab, useLabStore, useRuntime } from '../shell/store-context.tsx';
import { selectionFromId, selectionId } from '../shell/selection.ts';
import { edgeTypes, VerdictMarkers } from './edges.tsx';
import {
  floorPlan,
  locateNode,
  roomBoxes,
  sameEdge,
  sameLabNode,
  stabilize,
  toFlowElements,
  type FloorPlan,
  type LabNode,
} from './elements.ts';
import { nodeTypes } from './nodes.tsx';
import { focusBox } from './focus-path.ts';
import { Overview, type OverviewRoom } from './Overview.tsx';
import { Legend } from './Legend.tsx';
import { FURNISH_ALL_BELOW, planSize, roomsInView } from './viewport.ts';
import {
  MIN_ZOOM,
  OVERVIEW_MIN_WIDTH,
  overviewByDefault,
  nodesBox,
  planViewport,
  zoomBand,
  zoomLevel,
  type Bounds,
} from './zoom.ts';

/** The lobby's directory and the first row of the learner's rooms. */
function startOfPlan(boxes: readonly { id: string }[], plan: FloorPlan): string[] {
  const user = boxes.filter((b) => !plan.facts.namespaces.get(b.id.slice(3))?.system).slice(0, 3);
  return [...boxes.filter((b) => b.id === 'ns:kube-system'), ...user].map((b) => b.id);
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
function planExtent(boxes: readonly Bounds[]): string {
  let w = 0;
  let h = 0;
  for (const b of boxes) {
    w = Math.max(w, b.x + b.width);
    h = Math.max(h, b.y + b.height);
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
  const plan = useMemo(
    () => floorPlan({ state: cluster, rooms, showLabels }),
    [cluster, rooms, showLabels],
  );
  const boxes = useMemo(() => roomBoxes(plan), [plan]);
  const locate = useCallback((id: string) => locateNode(plan, id), [plan]);
  // A big building: React Flow gets every room, but the furniture only of the rooms in view
  // (none at the plan level, where rooms show their summaries) and the ends of test lines.
  const cull = useMemo(() => planSize(plan) >= FURNISH_ALL_BELOW, [plan]);
  const inView = useFlowStore(
    useCallback(
      (s: { transform: [number, number, number]; width: number; height: number }) =>
        cull && zoomLevel(s.transform[2]) !== 'plan'
          ? roomsInView(
              boxes,
              s.transform,
              s.width || window.innerWidth,
              s.height || window.innerHeight,
            )
          : '',
      [cull, boxes],
    ),
  );
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
      plan,
      ...(cull
        ? { furnished: new Set(inView ? inView.split(' ').map((id) => id.slice(3)) : []) }
        : {}),
    });
    const n = stabilize(prevNodes.current, raw.nodes, sameLabNode);
    const e = stabilize(prevEdges.current, raw.edges, sameEdge);
    prevNodes.current = n.map;
    prevEdges.current = e.map;
    return { nodes: n.list, edges: e.list };
  }, [cluster, rooms, showLabels, selected, results, focusedTest, reach, plan, cull, inView]);

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
      boxes.map((b) => {
        const name = b.id.slice(3);
        return {
          id: b.id,
          x: b.x,
          y: b.y,
          w: b.width,
          h: b.height,
          system: plan.facts.namespaces.get(name)?.system ?? false,
          marked: selected === `Namespace//${name}` || (selected?.split('/')[1] ?? '') === name,
        };
      }),
    [boxes, plan, selected],
  );
  const flow = useRef<ReactFlowInstance<LabNode, Edge> | null>(null);
  const onInit = useCallback((i: ReactFlowInstance<LabNode, Edge>) => {
    flow.current = i;
  }, []);
  const onPaneClick = useCallback(() => store.getState().select(null), [store]);
  const roomCount = boxes.length;
  const flowStore = useStoreApi();
  /** Brings the plan into view (its start, for a big building), names readable. */
  const fitPlan = useCallback(
    function fit(animate: boolean, tries = 0) {
      const big = roomCount > 24;
      const box = nodesBox(locate, big ? startOfPlan(boxes, plan) : boxes.map((b) => b.id));
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
    [roomCount, boxes, plan, locate, flowStore],
  );
  // The camera follows the building (a new room, more desks, a replaced cluster) until the
  // learner moves it; replacing the cluster (a lesson, a file, a reset) gives it back.
  const userMoved = useRef(false);
  const onMoveStart = useCallback((event: unknown) => {
    if (event) userMoved.current = true;
  }, []);
  const extent = planExtent(boxes);
  const last = useRef<{ rooms: string[]; roomCount: number; extent: string } | null>(null);
  // Before paint: the building is never drawn once at the old camera and then moved.
  useLayoutEffect(() => {
    const prev = last.current ?? { rooms: [], roomCount: -1, extent: '' };
    const first = last.current === null;
    last.current = { rooms, roomCount, extent };
    const replaced = !first && !extendsRooms(prev.rooms, rooms);
    if (replaced) userMoved.current = false;
    const grew = roomCount > prev.roomCount;
    if (!replaced && !grew && (extent === prev.extent || userMoved.current)) return;
    fitPlan(!replaced && !first);
  }, [rooms, roomCount, extent, fitPlan]);

  // "Show on the diagram": pan and zoom to the nodes asked for and the test's path.
  const focusRequest = useLab((s) => s.focusRequest);
  const lastFocus = useRef(focusRequest?.seq ?? 0);
  useEffect(() => {
    if (!focusRequest || focusRequest.seq === lastFocus.current) return;
    lastFocus.current = focusRequest.seq;
    const box = focusBox(locate, results, focusRequest);
    if (!box) return;
    userMoved.current = true;
    // fitBounds, not fitView: React Flow queues a fitView until its nodes next change.
    void flow.current?.fitBounds(box, { padding: 0.15, duration: reducedMotion() ? 0 : 400 });
  }, [focusRequest, locate, results]);

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
          onlyRenderVisibleElements={cull}
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
