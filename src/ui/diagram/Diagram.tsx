/** The building diagram: React Flow over nodes derived from the cluster by toFlowElements. */
import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  type Edge,
  type NodeChange,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { reachFrom } from '../model/reach.ts';
import { useLab, useLabStore, useRuntime } from '../shell/store-context.tsx';
import { selectionFromId, selectionId } from '../shell/selection.ts';
import { edgeTypes, VerdictMarkers } from './edges.tsx';
import { sameEdge, sameLabNode, stabilize, toFlowElements, type LabNode } from './elements.ts';
import { nodeTypes } from './nodes.tsx';
import { Overview, type OverviewRoom } from './Overview.tsx';
import { Legend } from './Legend.tsx';

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

export function Diagram() {
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
  // React Flow copies this prop into its store whenever its identity changes (each such update
  // re-runs its selectors over every node and edge): a new object only when the plan's start does.
  const planKey =
    roomCount > 24
      ? startOfPlan(nodes)
          .map((n) => n.id)
          .join(' ')
      : null;
  const fitViewOptions = useMemo(
    () => ({
      padding: 0.08,
      maxZoom: 1,
      ...(planKey !== null
        ? { nodes: planKey.split(' ').flatMap((id) => (id ? [{ id }] : [])) }
        : {}),
    }),
    [planKey],
  );
  const lastRooms = useRef(roomCount);
  useEffect(() => {
    // A new room may be off screen: bring the floor into view, as an instructor expects. A big
    // building is shown from its start (the lobby and the first row of rooms).
    if (roomCount > lastRooms.current) {
      const big = roomCount > 24;
      requestAnimationFrame(
        () =>
          void flow.current?.fitView({
            padding: 0.08,
            duration: big || matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300,
            maxZoom: 1,
            ...(big ? { nodes: startOfPlan(nodes) } : {}),
          }),
      );
    }
    lastRooms.current = roomCount;
  }, [roomCount, nodes]);

  return (
    <div className="diagram">
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
      <ReactFlow<LabNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        onInit={onInit}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.05}
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
        <Controls showInteractive={false} position="bottom-left" />
        <Overview rooms={overview} />
      </ReactFlow>
    </div>
  );
}
