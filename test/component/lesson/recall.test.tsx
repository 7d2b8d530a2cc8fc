// @vitest-environment jsdom
/**
 * Recall mode over the real store and terminal: a card is answered before it is revealed,
 * rating it reschedules it (the due count drops) and the schedule persists; corrupt saved
 * data is reported, not fatal; "Show it in the simulator" loads the card's proving cluster;
 * a mixed review item solved from the terminal masters the skill (pedagogy §2.1 Khan row).
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderLearnPanel, savedProgress, savedRecall, storage } from './panel-harness.tsx';
import { getObject } from '../../../src/engine/index.ts';
import { skillMastery, type Progress } from '../../../src/learn/index.ts';
import { deckCards } from '../../../src/learn/deck.ts';
import { dueQueue, emptyRecall, lessonCards } from '../../../src/learn/recall.ts';
import { loadDeck, loadLessons } from '../../../src/content/index.ts';
import { encodeLesson, encodeRecall, STORAGE_KEYS } from '../../../src/store/index.ts';

const DAY = 86_400_000;

const setup = (saved: Record<string, string> = {}) => renderLearnPanel({ mode: 'recall', saved });

const cards = () => [...lessonCards(loadLessons().lessons), ...loadDeck().decks.flatMap(deckCards)];

function dueCount(): number {
  const h = screen.getByRole('heading', { name: /^Flashcards/ });
  return Number(/(\d+) due/.exec(h.textContent ?? '')![1]);
}

describe('flashcards', () => {
  it('asks first, reveals on request, and a rating reschedules the card and is saved', async () => {
    const { user } = setup();
    const expected = dueQueue(cards(), emptyRecall(), { now: Date.now() });
    expect(dueCount()).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    const card = screen.getByRole('group', { name: /^Flashcard:/ });
    // Nothing to rate before the learner has tried.
    expect(within(card).queryByRole('button', { name: /^Good/ })).toBeNull();
    expect(within(card).queryByRole('region', { name: 'Answer' })).toBeNull();
    await user.type(within(card).getByRole('textbox', { name: /Your answer/ }), 'my guess');
    await user.click(within(card).getByRole('button', { name: 'Show answer' }));
    expect(within(card).getByRole('region', { name: 'Answer' })).toBeInTheDocument();
    expect(card).toHaveTextContent('You answered: my guess');
    const good = within(card).getByRole('button', { name: /^Good · \d+ days?/ });
    expect(within(card).getByRole('button', { name: /^Again · 1 minute/ })).toBeInTheDocument();
    await user.click(good);
    expect(dueCount()).toBe(expected.length - 1);
    const saved = savedRecall();
    const ids = Object.keys(saved.cards);
    expect(ids).toEqual([expected[0]!.id]);
    expect(saved.cards[ids[0]!]!.due).toBeGreaterThan(Date.now() + DAY / 2);
    expect(screen.getByText(/returns in \d+ days?\./)).toBeInTheDocument();
  });

  it('works from the keyboard: Space reveals, 1 rates Again', async () => {
    const { user } = setup();
    const before = dueCount();
    const card = screen.getByRole('group', { name: /^Flashcard:/ });
    card.focus();
    await user.keyboard(' ');
    expect(within(card).getByRole('region', { name: 'Answer' })).toBeInTheDocument();
    await user.keyboard('1');
    expect(dueCount()).toBe(before - 1);
    const saved = savedRecall();
    const [rec] = Object.values(saved.cards);
    // Again: back within minutes, not days.
    expect(rec!.due - Date.now()).toBeLessThan(5 * 60_000);
  });

  it('when nothing is due, says when the next card is', async () => {
    let s = emptyRecall();
    const now = Date.now();
    // Every card answered "Good" an hour ago: nothing new left today, nothing due.
    const { rateCard } = await import('../../../src/learn/recall.ts');
    for (const c of cards()) s = rateCard(s, c.id, 'good', now - 3_600_000);
    setup({ [STORAGE_KEYS.recall]: encodeRecall(s) });
    expect(dueCount()).toBe(0);
    expect(
      screen.getByText(/All caught up — next card due in \d+ (hours|days?)\./),
    ).toBeInTheDocument();
  });

  it('corrupt saved data is reported and the cards still work', async () => {
    const corrupt = '{"schema":2,"schedule":{"version":1,"cards":';
    const { user } = setup({ [STORAGE_KEYS.recall]: corrupt });
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('Your saved flashcard schedule could not be read');
    expect(notice).toHaveTextContent('not valid JSON');
    expect(notice).toHaveTextContent('the cards start afresh');
    // Set aside, not deleted.
    const aside = storage.keys().find((k) => k.startsWith(`${STORAGE_KEYS.recall}.set-aside.`));
    expect(aside && storage.getItem(aside)).toBe(corrupt);
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    await user.click(screen.getByRole('button', { name: /^Easy/ }));
    expect(Object.keys(savedRecall().cards)).toHaveLength(1);
  });

  it("'Show it in the simulator' loads the cluster that proves the card", async () => {
    const { user, store } = setup();
    const first = dueQueue(cards(), emptyRecall(), { now: Date.now() })[0]!;
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    await user.click(screen.getByRole('button', { name: /Show it in the simulator/ }));
    const lesson = loadLessons().lessons.find((l) => l.id === first.cluster!.lesson)!;
    // Every namespace the lesson's manifests declare is now in the live cluster.
    const names = [
      ...lesson.cluster.manifests.matchAll(/kind: Namespace\s+metadata: \{name: ([a-z0-9-]+)/g),
    ].map((m) => m[1]!);
    for (const ns of names)
      expect(getObject(store.getState().cluster, 'Namespace', undefined, ns)).toBeDefined();
  });
});

describe('mixed review', () => {
  it('says what to do when no skill is proficient yet', () => {
    setup();
    expect(screen.getByRole('region', { name: 'Mixed review' })).toHaveTextContent(
      'Nothing is ready for review yet. Solve tasks in Deep or Challenge mode without hints',
    );
  });

  it('an item solved from the terminal without hints masters the skill', async () => {
    // dns.fqdn was made proficient yesterday; only lesson 3 practises it.
    const progress: Progress = {
      version: 1,
      tasks: {},
      skills: { 'dns.fqdn': { level: 'proficient', proficientAt: Date.now() - DAY } },
      predictions: {},
    };
    const { user, box, store } = setup({
      [STORAGE_KEYS.lesson]: encodeLesson({ mode: 'recall', progress }),
    });
    const review = screen.getByRole('region', { name: 'Mixed review' });
    expect(review).toHaveTextContent('dns.fqdn');
    await user.click(within(review).getByRole('button', { name: /Start mixed review/ }));
    // The task's own start state is loaded; no lesson prose is shown.
    expect(getObject(store.getState().cluster, 'Pod', 'shop', 'client')).toBeDefined();
    expect(within(review).getByRole('heading', { name: /Task 1/ })).toBeInTheDocument();
    expect(review).not.toHaveTextContent('Look at the client');
    expect(within(review).queryByRole('button', { name: 'Next item' })).toBeNull();
    await user.type(
      box,
      'kubectl create service externalname db -n shop --external-name=db.data.svc.cluster.local{Enter}',
    );
    expect(within(review).getByRole('heading', { name: /Task 1.*\(done\)/ })).toBeInTheDocument();
    const saved = savedProgress();
    expect(skillMastery(saved, 'dns.fqdn')).toBe('mastered');
    await user.click(within(review).getByRole('button', { name: /Finish the review|Next item/ }));
  });

  it('with a hint, the skill drops to familiar', async () => {
    const progress: Progress = {
      version: 1,
      tasks: {},
      skills: { 'dns.fqdn': { level: 'proficient', proficientAt: Date.now() - DAY } },
      predictions: {},
    };
    const { user, box } = setup({
      [STORAGE_KEYS.lesson]: encodeLesson({ mode: 'recall', progress }),
    });
    const review = screen.getByRole('region', { name: 'Mixed review' });
    await user.click(within(review).getByRole('button', { name: /Start mixed review/ }));
    await user.click(within(review).getByRole('button', { name: /Show a hint/ }));
    await user.type(
      box,
      'kubectl create service externalname db -n shop --external-name=db.data.svc.cluster.local{Enter}',
    );
    expect(within(review).getByRole('heading', { name: /\(done\)/ })).toBeInTheDocument();
    expect(skillMastery(savedProgress(), 'dns.fqdn')).toBe('familiar');
  });
});

describe('accessibility', () => {
  it('the card, its answer and the review have no axe violations', async () => {
    const axe = (await import('axe-core')).default;
    const { user } = setup();
    const rules = { 'color-contrast': { enabled: false }, region: { enabled: false } };
    let r = await axe.run(document.body, { rules });
    expect(r.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    r = await axe.run(document.body, { rules });
    expect(r.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
