/**
 * The app in real Chromium (the built dist/, served locally): JavaScript loaded before the
 * first render (gzip), and a 100-namespace / 1,000-pod cluster — time to render it, and time
 * from applying a NetworkPolicy to the diagram's colours being updated. Targets: ≤ 250 KB gzip
 * before first render; ≤ 150 ms to render and to respond. Run `npx vite build` first.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateManifest } from '../fixtures/generate.ts';
import { hasBrowser, launchBrowser, serveDist } from '../e2e/harness.ts';

if (!hasBrowser) {
  console.log('ui bench: no Chromium, skipped');
} else {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    // 1. JavaScript before the first render.
    const ctx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.getByRole('group', { name: 'Namespace default' }).waitFor();
    await page.waitForTimeout(1000); // let the lazy interpreter chunk arrive, to list it too
    const scripts = await page.evaluate(() => {
      const mark = performance.getEntriesByName('nslab:first-render')[0]?.startTime ?? Infinity;
      return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.name.endsWith('.js'))
        .map((r) => ({ url: r.name, before: r.responseEnd <= mark, start: r.startTime, mark }));
    });
    let before = 0;
    let after = 0;
    for (const s of scripts) {
      const file = join('dist/assets', basename(new URL(s.url).pathname));
      const gz = gzipSync(readFileSync(file)).length;
      if (s.before) before += gz;
      else after += gz;
      console.log(
        `  ${s.before ? 'before' : 'after '} first render: ${basename(file).padEnd(28)} ${(gz / 1024).toFixed(1)} KB gzip`,
      );
    }
    console.log(
      `JavaScript before first render: ${(before / 1024).toFixed(1)} KB gzip (target ≤ 250); loaded later: ${(after / 1024).toFixed(1)} KB`,
    );
    await ctx.close();

    // 1b. JavaScript fetched before the terminal answers its first command: type one as soon as
    // the terminal is there, and count every script that arrived before the answer showed.
    const first = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const fp = await first.newPage();
    await fp.goto(server.url);
    const box = fp.getByRole('textbox', { name: 'kubectl command' });
    await box.fill('kubectl get pods -A');
    await box.press('Enter');
    await fp.getByRole('log', { name: 'Terminal output' }).getByText('coredns-').first().waitFor();
    const answered = await fp.evaluate(() => performance.now());
    const fetched = await fp.evaluate(
      (mark) =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => r.name.endsWith('.js') && r.responseEnd <= mark)
          .map((r) => r.name),
      answered,
    );
    let toAnswer = 0;
    for (const url of fetched) {
      const gz = gzipSync(
        readFileSync(join('dist/assets', basename(new URL(url).pathname))),
      ).length;
      toAnswer += gz;
      console.log(
        `  before the first answer: ${basename(url).padEnd(28)} ${(gz / 1024).toFixed(1)} KB gzip`,
      );
    }
    console.log(
      `JavaScript fetched before the terminal answers its first command: ${(toAnswer / 1024).toFixed(1)} KB gzip (target ≤ 250)`,
    );
    await first.close();

    // 2. A 100-namespace / 1,000-pod cluster.
    const yaml = generateManifest({ namespaces: 100, perNamespace: 36, replicas: 2 });
    const runs: Record<string, number[]> = {
      engine: [],
      render: [],
      policyEngine: [],
      respond: [],
      reachOn: [],
      policyEngine2: [],
      respondReach: [],
    };
    for (let run = 0; run < 3; run++) {
      const c = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      // tsx compiles the evaluated function with esbuild's keepNames helper; give the page one.
      await c.addInitScript('window.__name = (f) => f');
      const p = await c.newPage();
      await p.goto(server.url);
      await p.getByRole('group', { name: 'Namespace default' }).waitFor();
      const r = await p.evaluate(async (text) => {
        type Store = {
          getState: () => Record<string, (...a: unknown[]) => unknown> & { cluster: unknown };
          setState: (s: object) => void;
        };
        const w = window as unknown as {
          __nslab: Store;
          __nslabRuntime: () => Promise<{
            runKubectl: (s: unknown, argv: string[], io: object) => { state: unknown };
          }>;
        };
        const rt = await w.__nslabRuntime();
        const store = w.__nslab;
        const frame = () =>
          new Promise<void>((res) => requestAnimationFrame(() => setTimeout(res, 0)));
        const until = async (pred: () => boolean) => {
          for (let i = 0; i < 600 && !pred(); i++)
            await new Promise((res) => requestAnimationFrame(res));
        };
        // Engine: apply the manifest (reported separately from rendering).
        let t = performance.now();
        const next = rt.runKubectl(store.getState().cluster, ['apply', '-f', '-'], {
          stdin: text,
        }).state;
        const engine = performance.now() - t;
        // Render: commit the state; wait until 100 new rooms are in the DOM and a frame is painted.
        t = performance.now();
        store.setState({
          cluster: next,
          entries: [{ cluster: next, tests: [], label: 'bench', at: 0 }],
          index: 0,
        });
        // React Flow puts only the visible nodes in the DOM; the overview draws every room.
        await until(
          () =>
            document.querySelectorAll('.overview__room').length >= 104 &&
            document.querySelector('.react-flow__node[data-id="ns:team-0"]') !== null &&
            document.querySelector('.react-flow__node[data-id^="Pod/team-0/"]') !== null,
        );
        await frame();
        const render = performance.now() - t;
        const rooms = document.querySelectorAll('.overview__room').length;
        const podsInDom = document.querySelectorAll('.react-flow__node-pod').length;
        const policy = (ns: string) =>
          `kubectl apply -f - <<EOF\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-all, namespace: ${ns}}\nspec: {podSelector: {}, policyTypes: [Ingress]}\nEOF`;
        const firstPod = (ns: string) =>
          Object.keys(
            Object.fromEntries(
              (
                store.getState().cluster as { objects: Map<string, Map<string, unknown>> }
              ).objects.get('Pod')!,
            ),
          ).find((k) => k.startsWith(`${ns}/`))!;
        // A connection test team-0 → a Service in team-1, allowed at first.
        const src = firstPod('team-0');
        store.getState().addTest!(src, 'http://app-0.team-1');
        await until(() => document.querySelector('.verdict-label') !== null);
        // Respond (a): a default-deny in team-1 → the test line turns blocked.
        t = performance.now();
        store.getState().run!(policy('team-1'));
        const policyEngine = performance.now() - t;
        await until(() => document.querySelector('.verdict-label.is-blocked') !== null);
        await frame();
        const respond = performance.now() - t;
        // Reachability mode from that pod.
        const [ns, name] = src.split('/');
        t = performance.now();
        store.getState().select!({ kind: 'Pod', namespace: ns, name });
        store.getState().setReach!({ port: 8080, protocol: 'TCP' });
        await until(() => document.querySelector('.pod-card.is-source') !== null);
        await frame();
        const reachOn = performance.now() - t;
        const marks = () => document.querySelectorAll('.is-unreachable').length;
        const unreachableBefore = marks();
        // Respond (b): an allow-all ingress policy in team-0 (on screen) → the marks change.
        const allowAll =
          'kubectl apply -f - <<EOF\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-all, namespace: team-0}\nspec: {podSelector: {}, ingress: [{}], policyTypes: [Ingress]}\nEOF';
        t = performance.now();
        store.getState().run!(allowAll);
        const policyEngine2 = performance.now() - t;
        await until(() => marks() !== unreachableBefore);
        await frame();
        const respondReach = performance.now() - t;
        const unreachableAfter = marks();
        return {
          engine,
          render,
          reachOn,
          policyEngine,
          respond,
          policyEngine2,
          respondReach,
          rooms,
          podsInDom,
          unreachableBefore,
          unreachableAfter,
        };
      }, yaml);
      for (const k of Object.keys(runs)) runs[k]!.push(r[k as keyof typeof r] as number);
      if (run === 0)
        console.log(
          `cluster: ${r.rooms} rooms on the overview, ${r.podsInDom} pod nodes in the DOM (React Flow renders the visible ones); unreachable cards ${r.unreachableBefore} → ${r.unreachableAfter}`,
        );
      await c.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const line = (k: string, what: string) =>
      console.log(
        `${what.padEnd(58)} median ${median(runs[k]!).toFixed(0)} ms (runs: ${runs[k]!.map((x) => x.toFixed(0)).join(', ')})`,
      );
    line('engine', 'engine: apply 100 ns / 1,000 pods manifest (not UI)');
    line('render', 'render: commit → rooms on screen drawn (target ≤ 150)');
    line('policyEngine', 'apply a policy: interpreter alone (engine)');
    line('respond', 'respond: apply policy → test line turns blocked (≤ 150)');
    line('reachOn', 'reachability mode on (one row and column of the table)');
    line('policyEngine2', 'apply a policy in reachability mode: interpreter alone');
    line('respondReach', 'respond: apply policy → reachability marks updated');
  } finally {
    await browser.close();
    await server.close();
  }
}
