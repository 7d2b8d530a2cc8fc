// @vitest-environment jsdom
/**
 * Visual mode over the real store and terminal: the learner picks a pod and a URL, steps
 * through the request's path and reads why it stopped; a fix typed in the terminal changes
 * the story; an API call's story ends at RBAC; Play advances on its own and the packet is a
 * picture only (the list and the live narration carry the same facts as text).
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderLearnPanel } from './panel-harness.tsx';
import { buildStartCluster, parseLesson } from '../../../src/learn/index.ts';
import { requestStory } from '../../../src/learn/story.ts';
import { createLabStore } from '../../../src/store/index.ts';
import { STEP_INTERVAL_MS } from '../../../src/ui/lesson/modes/VisualMode.tsx';

afterEach(() => {
  vi.useRealTimers();
});

const lesson3 = (() => {
  const file = 'lessons/03-across-namespaces.yaml';
  const parsed = parseLesson(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const built = buildStartCluster(parsed.lesson);
  if (!built.ok) throw new Error(built.error);
  return built.state;
})();

function setup() {
  const store = createLabStore({ storage: null });
  act(() => store.getState().restore(lesson3, 'Lesson 3 start'));
  return renderLearnPanel({ mode: 'visual', store });
}

const narration = () => document.querySelector('[aria-live="polite"].visual__narration')!;

/**
 * The counter and the track agree: "Step N of M" names the stop that is lit (N is its place
 * on the track, M the track's stops), whatever the number of steps a stop takes.
 */
function expectCounterOnLitStop() {
  const nodes = [...document.querySelectorAll('.visual__track .visual__node')];
  const lit = nodes.findIndex((n) => n.classList.contains('visual__node--current'));
  expect(lit).toBeGreaterThanOrEqual(0);
  const text = document.querySelector('.visual__count')!.textContent ?? '';
  const [, n, m] = /^Step (\d+) of (\d+)/.exec(text) ?? [];
  expect([Number(n), Number(m)]).toEqual([lit + 1, nodes.length]);
  expect(narration()).toHaveTextContent(text);
  return { stop: lit + 1, stops: nodes.length, text };
}

/** The step the player is on, by its place in the list of all steps (1-based). */
const currentStep = () =>
  within(screen.getByRole('region', { name: /All steps/ }))
    .getAllByRole('listitem')
    .findIndex((li) => li.getAttribute('aria-current') === 'step') + 1;

/** Lets `n` step intervals pass, one at a time (each step schedules the next after it renders). */
function tick(n: number) {
  for (let i = 0; i < n; i++) act(() => vi.advanceTimersByTime(STEP_INTERVAL_MS));
}

async function chooseUrl(user: ReturnType<typeof userEvent.setup>, from: string, url: string) {
  await user.selectOptions(screen.getByLabelText('From pod'), from);
  const box = screen.getByLabelText('URL');
  await user.clear(box);
  await user.type(box, url);
}

describe('Visual mode', () => {
  it('steps through a short name across namespaces to the DNS failure', async () => {
    setup();
    const user = userEvent.setup();
    await chooseUrl(user, 'shop/client', 'http://db:5432');
    expect(expectCounterOnLitStop()).toMatchObject({
      stop: 1,
      text: expect.not.stringContaining('part'),
    });
    expect(narration()).toHaveTextContent('shop/client');
    const forward = screen.getByRole('button', { name: 'Step forward' });
    await user.click(forward);
    // The DNS stop takes one step per name of the search list: parts of the second stop.
    expect(expectCounterOnLitStop()).toMatchObject({ stop: 2 });
    expect(narration()).toHaveTextContent(/^Step 2 of \d+ \(part 1 of 4\)/);
    expect(narration()).toHaveTextContent(
      /asks CoreDNS .* for db\.shop\.svc\.cluster\.local — NXDOMAIN: no Service "db" in namespace shop/,
    );
    // The track is a picture of the same facts: mid-search nothing is "not reached" yet.
    expect(document.querySelectorAll('.visual__node--unreached')).toHaveLength(0);
    // ←/→ work while the player has focus.
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(currentStep()).toBe(4);
    expect(narration()).toHaveTextContent('(part 3 of 4)');
    expectCounterOnLitStop();
    await user.keyboard('{ArrowLeft}');
    expect(currentStep()).toBe(3);
    expect(narration()).toHaveTextContent('(part 2 of 4)');
    await user.click(forward);
    await user.click(forward);
    expect(forward).toBeDisabled();
    expect(narration()).toHaveTextContent('✘ stopped here');
    expect(narration()).toHaveTextContent('No names are left to try');
    expect(narration()).toHaveTextContent('curl: (6) Could not resolve host: db');
    expect(document.querySelector('.visual__node--fail')).toHaveTextContent('DNS');
    expect(document.querySelectorAll('.visual__node--unreached')).toHaveLength(5);
    // The whole story as text: every name the search list tried.
    const list = within(screen.getByRole('region', { name: /All steps/ })).getByRole('list');
    for (const name of [
      'db.shop.svc.cluster.local',
      'db.svc.cluster.local',
      'db.cluster.local',
      'DNS: db (NXDOMAIN)',
    ])
      expect(list).toHaveTextContent(name);
    expect(within(list).getAllByRole('listitem')[4]).toHaveAttribute('aria-current', 'step');
    await user.click(screen.getByRole('button', { name: 'Step back' }));
    expect(currentStep()).toBe(4);
    expectCounterOnLitStop();
  });

  it('follows the cluster: a fix typed in the terminal changes the story', async () => {
    const { store } = setup();
    const user = userEvent.setup();
    await chooseUrl(user, 'shop/client', 'http://db:5432');
    const region = screen.getByRole('region', { name: /All steps/ });
    expect(region).toHaveTextContent('✘ Fails (exit 6)');
    act(() => {
      store
        .getState()
        .run(
          'kubectl create service externalname db -n shop --external-name=db.data.svc.cluster.local',
        );
    });
    // The answer comes from the engine: the same story, computed directly, now succeeds.
    const expected = requestStory(store.getState().cluster, 'shop/client', 'http://db:5432');
    expect(expected.outcome.ok).toBe(true);
    expect(region).toHaveTextContent('✔ Succeeds (exit 0)');
    expect(within(region).getAllByRole('listitem')).toHaveLength(expected.steps.length);
    expect(region).toHaveTextContent('Service data/db');
    expect(currentStep()).toBe(1);
    expect(expectCounterOnLitStop().stops).toBe(expected.track.length);
  });

  it('an API call from a pod without a binding ends at RBAC with 403', async () => {
    setup();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('From pod'), 'shop/client');
    await user.click(screen.getByRole('radio', { name: 'an API call' }));
    await user.selectOptions(screen.getByLabelText('Verb'), 'list');
    await user.clear(screen.getByLabelText('Resource'));
    await user.type(screen.getByLabelText('Resource'), 'pods');
    await user.selectOptions(screen.getByLabelText('Namespace'), 'data');
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    await user.keyboard('{End}');
    expect(narration()).toHaveTextContent('RBAC: 403 Forbidden');
    expect(narration()).toHaveTextContent(
      'No RoleBinding or ClusterRoleBinding grants system:serviceaccount:shop:default list pods in namespace data',
    );
    const region = screen.getByRole('region', { name: /All steps/ });
    expect(region).toHaveTextContent('Egress allowed');
    expect(region).toHaveTextContent(
      'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:shop:default"',
    );
  });

  it('Play advances one step per interval and stops at the end; Pause holds', () => {
    vi.useFakeTimers();
    setup();
    fireEvent.change(screen.getByLabelText('From pod'), { target: { value: 'shop/client' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'http://db.data:5432' } });
    const total = within(screen.getByRole('region', { name: /All steps/ })).getAllByRole(
      'listitem',
    ).length;
    expect(total).toBeGreaterThan(5);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    tick(2);
    expect(currentStep()).toBe(3);
    expectCounterOnLitStop();
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    tick(3);
    expect(currentStep()).toBe(3);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    tick(total);
    expect(currentStep()).toBe(total);
    expectCounterOnLitStop();
    expect(narration()).toHaveTextContent('data/db-0 answered');
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Restart' }));
    expect(currentStep()).toBe(1);
    expect(expectCounterOnLitStop().stop).toBe(1);
  });

  it('"Show on the diagram" adds the same connection test to the building', async () => {
    const { store } = setup();
    const user = userEvent.setup();
    await chooseUrl(user, 'shop/client', 'http://db.data:5432');
    await user.click(screen.getByRole('button', { name: 'Show on the diagram' }));
    expect(store.getState().tests.map((t) => [t.from, t.url])).toContainEqual([
      'shop/client',
      'http://db.data:5432',
    ]);
  });

  it('has no axe violations', async () => {
    const axe = (await import('axe-core')).default;
    setup();
    const user = userEvent.setup();
    await chooseUrl(user, 'shop/client', 'http://db:5432');
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    const rules = { 'color-contrast': { enabled: false }, region: { enabled: false } };
    let r = await axe.run(document.body, { rules });
    expect(r.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await user.click(screen.getByRole('radio', { name: 'an API call' }));
    r = await axe.run(document.body, { rules });
    expect(r.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
