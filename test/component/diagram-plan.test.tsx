// @vitest-environment jsdom
/**
 * The floor plan's readability rules: cards sized to their whole names, a zoom level chosen so
 * no text falls below a readable size on screen, parallel connection lines drawn as one, the
 * overview map shown by default only on a wide window, and the focus request the diagram honours.
 */
import { readFileSync } from 'node:fs';
import type { Edge } from '@xyflow/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO } from './setup.ts';
import { createLabStore, loadRuntime, type Runtime } from '../../src/store/index.ts';
import {
  collapseParallel,
  floorPlan,
  locateNode,
  toFlowElements,
  type TestEdgeData,
} from '../../src/ui/diagram/elements.ts';
import { testPathNodes } from '../../src/ui/diagram/focus-path.ts';
import { roomsInView } from '../../src/ui/diagram/viewport.ts';
import {
  cardHeight,
  layoutRoom,
  MAX_PODS_DRAWN,
  POD_H,
  roomColumns,
  SVC_H,
  textLines,
} from '../../src/ui/diagram/layout.ts';
import type { NamespaceFacts } from '../../src/ui/model/facts.ts';
import {
  DETAIL_TEXT_PX,
  DETAIL_ZOOM,
  MIN_ZOOM,
  NAME_TEXT_PX,
  NAMES_ZOOM,
  overviewByDefault,
  planViewport,
  READABLE_PX,
  zoomBand,
  zoomLevel,
} from '../../src/ui/diagram/zoom.ts';

let rt: Runtime;
beforeAll(async () => {
  rt = await loadRuntime();
  // exec loads on demand; these tests read its answers synchronously.
  await rt.loadWholeKubectl();
});

function elements(store: ReturnType<typeof createLabStore>) {
  const s = store.getState();
  return toFlowElements({
    state: s.cluster,
    rooms: s.rooms,
    showLabels: false,
    selected: null,
    tests: rt.runConnectionTests(s.cluster, s.tests),
    focusedTest: s.focusedTest,
    reach: undefined,
  });
}

describe('cards sized to their names', () => {
  it('a longer name never gets a shorter card, and wraps to more lines', () => {
    expect(textLines('web', 15, 165)).toBe(1);
    expect(textLines('productcatalogservice', 22, 194)).toBeGreaterThan(1);
    const names = ['a', 'adservice', 'productcatalogservice', 'x'.repeat(60), 'x'.repeat(120)];
    for (const kind of ['pod', 'service'] as const) {
      const heights = names.map((n) => cardHeight(kind, n));
      for (let i = 1; i < heights.length; i++)
        expect(heights[i]).toBeGreaterThanOrEqual(heights[i - 1]!);
      expect(heights[4]).toBeGreaterThan(heights[0]!);
    }
    expect(cardHeight('pod', 'web')).toBe(POD_H);
    expect(cardHeight('service', 'web')).toBeGreaterThanOrEqual(SVC_H);
    expect(cardHeight('pod', 'web', true)).toBeGreaterThan(cardHeight('pod', 'web'));
  });

  it('every Service card of Online Boutique is tall enough for its name in both views', () => {
    const store = createLabStore({ storage: null });
    store
      .getState()
      .applyManifest(readFileSync('test/fixtures/realworld/online-boutique.yaml', 'utf8'));
    const services = elements(store).nodes.filter((n) => n.type === 'service');
    expect(services.length).toBeGreaterThanOrEqual(12);
    for (const n of services) {
      const name = String(n.data.name);
      // The detail view: the name at 15 px (18 px lines) plus two lines of small print.
      expect(n.height!).toBeGreaterThanOrEqual(14 + 18 * textLines(name, 15, 187) + 34);
      // The names view: the whole name at 22 px (24 px lines).
      expect(n.height!).toBeGreaterThanOrEqual(14 + 24 * textLines(name, 22, 194));
    }
  });

  it('a busy room grows sideways (to four columns), a small one keeps two', () => {
    expect(roomColumns(1, 2)).toBe(2);
    expect(roomColumns(5, 6)).toBe(2);
    expect(roomColumns(9, 3)).toBe(3);
    expect(roomColumns(12, 12)).toBe(4);
    expect(roomColumns(50, 80)).toBe(4);
  });

  it('cards in a wide room do not overlap, and rooms side by side do not either', () => {
    const store = createLabStore({ storage: null });
    store
      .getState()
      .applyManifest(readFileSync('test/fixtures/realworld/online-boutique.yaml', 'utf8'));
    store.getState().applyManifest(SCENARIO);
    const { nodes } = elements(store);
    const abs = (id: string) => {
      const n = nodes.find((m) => m.id === id)!;
      const p = n.parentId ? nodes.find((m) => m.id === n.parentId)!.position : { x: 0, y: 0 };
      return { x: p.x + n.position.x, y: p.y + n.position.y, w: n.width!, h: n.height! };
    };
    const overlap = (a: ReturnType<typeof abs>, b: ReturnType<typeof abs>) =>
      a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    const rooms = nodes.filter((n) => n.type === 'room').map((n) => abs(n.id));
    const cards = nodes.filter((n) => n.type !== 'room').map((n) => abs(n.id));
    for (const group of [rooms, cards])
      for (let i = 0; i < group.length; i++)
        for (let j = i + 1; j < group.length; j++)
          expect(overlap(group[i]!, group[j]!)).toBe(false);
  });
});

describe('semantic zoom', () => {
  it('chooses the level whose smallest text stays readable on screen', () => {
    expect(zoomLevel(1)).toBe('details');
    expect(zoomLevel(DETAIL_ZOOM)).toBe('details');
    expect(zoomLevel(DETAIL_ZOOM - 0.01)).toBe('names');
    expect(zoomLevel(NAMES_ZOOM)).toBe('names');
    expect(zoomLevel(NAMES_ZOOM - 0.01)).toBe('plan');
    expect(zoomLevel(MIN_ZOOM)).toBe('plan');
    for (let z = MIN_ZOOM; z <= 2; z += 0.01) {
      const level = zoomLevel(z);
      if (level === 'details') expect(DETAIL_TEXT_PX * z).toBeGreaterThanOrEqual(READABLE_PX);
      if (level === 'names') expect(NAME_TEXT_PX * z).toBeGreaterThanOrEqual(READABLE_PX);
    }
  });

  it('text set at px / band is never below px on screen, and bands are few', () => {
    const bands = new Set<number>();
    for (let z = MIN_ZOOM; z <= 2; z += 0.005) {
      const b = zoomBand(z);
      bands.add(b);
      expect(b).toBeLessThanOrEqual(z + 1e-9);
      expect((12 / b) * z).toBeGreaterThanOrEqual(12 - 1e-9);
    }
    expect(bands.size).toBeLessThanOrEqual(10);
  });
});

describe('fitting the plan', () => {
  it('shows a small building whole and centred, at most at life size', () => {
    const v = planViewport({ x: 0, y: 0, width: 400, height: 200 }, 1000, 500);
    expect(v.zoom).toBe(1);
    expect(v.x).toBe(300);
    expect(v.y).toBe(150);
  });

  it('fits a middling building whole when its names stay readable', () => {
    const v = planViewport({ x: 0, y: 0, width: 1600, height: 600 }, 1000, 500);
    expect(v.zoom).toBeCloseTo((1000 * 0.84) / 1600, 5);
    expect(v.zoom).toBeGreaterThanOrEqual(NAMES_ZOOM);
  });

  it('shows a big building from its top-left corner at the names zoom, never cut on the left', () => {
    const v = planViewport({ x: 100, y: 50, width: 8000, height: 6000 }, 1000, 500);
    expect(v.zoom).toBe(NAMES_ZOOM);
    expect(v.x + 100 * v.zoom).toBeCloseTo(80, 5);
    expect(v.y + 50 * v.zoom).toBeCloseTo(40, 5);
  });
});

describe('the overview map', () => {
  it('is shown by default only from 1600 px wide', () => {
    expect(overviewByDefault(390)).toBe(false);
    expect(overviewByDefault(1280)).toBe(false);
    expect(overviewByDefault(1599)).toBe(false);
    expect(overviewByDefault(1600)).toBe(true);
    expect(overviewByDefault(1920)).toBe(true);
  });

  it('its choice is kept in the layout slice', () => {
    const store = createLabStore({ storage: null });
    expect(store.getState().overview).toBeNull();
    store.getState().setOverview(true);
    expect(store.getState().overview).toBe(true);
    store.getState().setOverview(false);
    expect(store.getState().overview).toBe(false);
  });
});

const verdict = (id: string, source: string, target: string, ok: boolean, focused = false) =>
  ({
    id: `test:${id}`,
    source,
    target,
    type: 'verdict',
    ariaLabel: id,
    data: {
      ok,
      text: ok ? 'Allowed' : 'Blocked',
      detail: '',
      focused,
      count: 1,
      blocked: ok ? 0 : 1,
    },
  }) satisfies Edge;

describe('parallel connection lines', () => {
  it('collapse into one line per source and target, counting the tests and the blocked', () => {
    const endpoint: Edge = { id: 'ep:s->p', source: 'Service/b/web', target: 'Pod/b/web' };
    const out = collapseParallel([
      endpoint,
      verdict('1', 'Pod/a/c', 'Pod/b/web', false),
      verdict('2', 'Pod/a/c', 'Pod/b/web', true),
      verdict('3', 'Pod/a/c', 'Pod/b/web', false),
      verdict('4', 'Pod/a/d', 'Pod/b/web', true),
    ]);
    expect(out.map((e) => e.id)).toEqual(['ep:s->p', 'test:3', 'test:4']);
    expect(out[1]!.data).toMatchObject({ count: 3, blocked: 2, ok: false });
    expect(out[2]!.data).toMatchObject({ count: 1, blocked: 0 });
    expect(out[1]!.ariaLabel).toContain('3 connection tests');
  });

  it('keep the focused test as the line shown', () => {
    const out = collapseParallel([
      verdict('1', 'Pod/a/c', 'Pod/b/web', true, true),
      verdict('2', 'Pod/a/c', 'Pod/b/web', false),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]!.id).toBe('test:1');
    expect((out[0]!.data as TestEdgeData).count).toBe(2);
  });

  it('the same request twice from the terminal draws one line with a count', () => {
    const store = createLabStore({ storage: null });
    store.getState().applyManifest(SCENARIO);
    store.getState().run('kubectl exec -n team-a client -- curl -sS -m 2 http://web.team-b');
    store.getState().run('kubectl exec -n team-a client -- curl -sS -m 2 http://web.team-b:80');
    const lines = elements(store).edges.filter((e) => e.type === 'verdict');
    expect(lines).toHaveLength(1);
    expect((lines[0]!.data as TestEdgeData).count).toBe(2);
  });
});

describe('focusing the diagram on a path', () => {
  it('focusNodes records a new request each time', () => {
    const store = createLabStore({ storage: null });
    expect(store.getState().focusRequest).toBeNull();
    store.getState().focusNodes(['Pod/a/c'], 't1');
    const first = store.getState().focusRequest!;
    expect(first.ids).toEqual(['Pod/a/c']);
    expect(first.test).toBe('t1');
    store.getState().focusNodes(['Pod/a/c']);
    expect(store.getState().focusRequest!.seq).toBeGreaterThan(first.seq);
  });

  it('a test’s path runs from the caller through the Service to the pod that answered', () => {
    const store = createLabStore({ storage: null });
    store.getState().applyManifest(SCENARIO);
    store.getState().addTest('team-a/client', 'http://web.team-b');
    const s = store.getState();
    const [t] = rt.runConnectionTests(s.cluster, s.tests);
    const ids = new Set(elements(store).nodes.map((n) => n.id));
    expect(testPathNodes(t!, ids)).toEqual(
      expect.arrayContaining(['Pod/team-a/client', 'Service/team-b/web', 'Pod/team-b/web']),
    );
  });
});

describe('furnishing only the rooms in view', () => {
  it('names the rooms that meet the view widened by half a pane, and none far away', () => {
    const rooms = [
      { id: 'ns:a', x: 0, y: 0, width: 500, height: 400 },
      { id: 'ns:b', x: 1400, y: 0, width: 500, height: 400 },
      { id: 'ns:c', x: 5000, y: 0, width: 500, height: 400 },
    ];
    // A 1000×800 pane at zoom 1 from the origin sees x 0–1000, widened to −500–1500.
    expect(roomsInView(rooms, [0, 0, 1], 1000, 800)).toBe('ns:a ns:b');
    expect(roomsInView(rooms, [0, 0, 1], 1000, 800, 0)).toBe('ns:a');
    // Panned to x 4600: only c; zoomed out to 0.1 the view covers the whole row.
    expect(roomsInView(rooms, [-4600, 0, 1], 1000, 800)).toBe('ns:c');
    expect(roomsInView(rooms, [0, 0, 0.1], 1000, 800)).toBe('ns:a ns:b ns:c');
  });

  it('a bare room keeps its own node; a furnished one gets its pods, Services and lines', () => {
    const store = createLabStore({ storage: null });
    store.getState().applyManifest(SCENARIO);
    const s = store.getState();
    const input = {
      state: s.cluster,
      rooms: s.rooms,
      showLabels: false,
      selected: null,
      tests: [],
      focusedTest: null,
      reach: undefined,
    };
    const all = toFlowElements(input);
    const some = toFlowElements({ ...input, furnished: new Set(['team-b']) });
    const rooms = (n: { type?: string }[]) => n.filter((x) => x.type === 'room').length;
    expect(rooms(some.nodes)).toBe(rooms(all.nodes));
    const children = some.nodes.filter((n) => n.type !== 'room');
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((n) => n.parentId === 'ns:team-b')).toBe(true);
    expect(some.nodes.length).toBeLessThan(all.nodes.length);
    const ids = new Set(some.nodes.map((n) => n.id));
    expect(some.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    // Every node of the plan can still be found (for "Show on the diagram"), furnished or not.
    const plan = floorPlan(input);
    for (const n of all.nodes) {
      const at = locateNode(plan, n.id)!;
      const parent = n.parentId ? all.nodes.find((m) => m.id === n.parentId)!.position : null;
      expect(at.x).toBe(n.position.x + (parent?.x ?? 0));
      expect(at.y).toBe(n.position.y + (parent?.y ?? 0));
      expect(at.width).toBe(n.width);
    }
  });

  it('the ends of a connection-test line and the selection are drawn in a bare room', () => {
    const store = createLabStore({ storage: null });
    store.getState().applyManifest(SCENARIO);
    store.getState().addTest('team-a/client', 'http://web.team-b');
    const s = store.getState();
    const { nodes, edges } = toFlowElements({
      state: s.cluster,
      rooms: s.rooms,
      showLabels: false,
      selected: 'Service/team-b/web',
      tests: rt.runConnectionTests(s.cluster, s.tests),
      focusedTest: null,
      reach: undefined,
      furnished: new Set<string>(),
    });
    const ids = new Set(nodes.map((n) => n.id));
    const line = edges.find((e) => e.type === 'verdict')!;
    expect(line).toBeDefined();
    expect(ids.has(line.source) && ids.has(line.target)).toBe(true);
    expect(ids.has('Service/team-b/web')).toBe(true);
    expect(edges.filter((e) => e.type !== 'verdict')).toEqual([]);
  });
});

describe('a crowded room', () => {
  it(`draws ${MAX_PODS_DRAWN - 1} desks and one card counting the rest`, () => {
    const pod = (i: number) => ({ metadata: { name: `p-${i}`, namespace: 'big' } });
    const facts = (pods: number) =>
      ({
        name: 'big',
        object: {},
        labels: {},
        pods: Array.from({ length: pods }, (_, i) => pod(i)),
        services: [],
        serviceAccounts: [],
        policies: [],
        isolation: new Map(),
        system: false,
      }) as unknown as NamespaceFacts;
    const crowded = layoutRoom(facts(MAX_PODS_DRAWN + 50), false);
    const desks = [...crowded.children.keys()].filter((id) => id.startsWith('Pod/'));
    expect(desks).toHaveLength(MAX_PODS_DRAWN - 1);
    expect(desks.at(-1)).toBe(`Pod/big/p-${MAX_PODS_DRAWN - 2}`);
    expect(crowded.children.has('more-pods:big')).toBe(true);
    const full = layoutRoom(facts(MAX_PODS_DRAWN), false);
    expect([...full.children.keys()].filter((id) => id.startsWith('Pod/'))).toHaveLength(
      MAX_PODS_DRAWN,
    );
    expect(full.children.has('more-pods:big')).toBe(false);
  });
});
