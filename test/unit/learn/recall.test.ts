/**
 * Recall mode's schedule (FSRS via ts-fsrs, desired retention 0.9; pedagogy §2.1 Anki/FSRS
 * row), the due queue with its daily allowance of new cards, interleaving by skill (pedagogy
 * §2.2: interleaving), and the tolerant reader of the saved schedule (DESIGN.md: a corrupt
 * saved session is reported and ignored).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dueQueue,
  emptyRecall,
  formatInterval,
  lessonCards,
  nextDueAt,
  parseRecall,
  previewRatings,
  rateCard,
  RATINGS,
  type Flashcard,
} from '../../../src/learn/recall.ts';
import { interleave } from '../../../src/learn/mixing.ts';
import { parseLesson } from '../../../src/learn/index.ts';
import { readFileSync } from 'node:fs';

const NOW = Date.UTC(2026, 0, 5, 12);
const MIN = 60_000;
const DAY = 86_400_000;

function card(id: string, skill: string): Flashcard {
  return { id, skill, front: `front ${id}`, back: `back ${id}`, file: 'x.yaml' };
}

describe('scheduling', () => {
  it('Good on a new card brings it back days later; Again within minutes', () => {
    const good = rateCard(emptyRecall(), 'c', 'good', NOW).cards.c!;
    expect(good.due - NOW).toBeGreaterThanOrEqual(DAY);
    const again = rateCard(emptyRecall(), 'c', 'again', NOW).cards.c!;
    expect(again.due - NOW).toBeLessThanOrEqual(10 * MIN);
    expect(again.due).toBeGreaterThan(NOW);
  });

  it('orders the four intervals Again ≤ Hard ≤ Good ≤ Easy, and a second Good goes further out', () => {
    const p = previewRatings(emptyRecall(), 'c', NOW);
    expect(p.again).toBeLessThanOrEqual(p.hard);
    expect(p.hard).toBeLessThanOrEqual(p.good);
    expect(p.good).toBeLessThan(p.easy);
    const once = rateCard(emptyRecall(), 'c', 'good', NOW);
    const at = once.cards.c!.due;
    const twice = rateCard(once, 'c', 'good', at);
    expect(twice.cards.c!.due - at).toBeGreaterThan(at - NOW);
    expect(twice.cards.c!.reps).toBe(2);
  });

  it('a lapse (Again on a review card) is counted and brings the card back the same day', () => {
    const once = rateCard(emptyRecall(), 'c', 'good', NOW);
    const at = once.cards.c!.due;
    const lapsed = rateCard(once, 'c', 'again', at).cards.c!;
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.due - at).toBeLessThan(DAY);
  });

  it('keeps the first-answered time for the daily allowance', () => {
    const once = rateCard(emptyRecall(), 'c', 'good', NOW);
    expect(rateCard(once, 'c', 'good', NOW + 3 * DAY).cards.c!.introduced).toBe(NOW);
  });
});

describe('formatInterval', () => {
  // Rows: what the rating buttons read ("Good · 3 days").
  it.each([
    [30_000, '1 minute'],
    [10 * MIN, '10 minutes'],
    [3 * 3_600_000, '3 hours'],
    [DAY, '1 day'],
    [3 * DAY, '3 days'],
    [90 * DAY, '3 months'],
    [730 * DAY, '2 years'],
  ])('%d ms reads %s', (ms, text) => expect(formatInterval(ms)).toBe(text));
});

describe('the due queue', () => {
  const cards = [
    card('a1', 'dns'),
    card('a2', 'dns'),
    card('a3', 'dns'),
    card('b1', 'netpol'),
    card('b2', 'netpol'),
    card('c1', 'rbac'),
  ];

  it('offers new cards up to the daily allowance, fewer once some were introduced today', () => {
    expect(dueQueue(cards, emptyRecall(), { now: NOW, newPerDay: 4 })).toHaveLength(4);
    const s = rateCard(rateCard(emptyRecall(), 'a1', 'good', NOW), 'b1', 'good', NOW);
    const q = dueQueue(cards, s, { now: NOW + MIN, newPerDay: 4 });
    expect(q.map((c) => c.id).sort()).toEqual(['a2', 'a3']);
    // The next day the allowance is whole again.
    expect(dueQueue(cards, s, { now: NOW + DAY, newPerDay: 4 })).toHaveLength(4);
  });

  it('a rated card leaves the queue until due, then returns', () => {
    let s = emptyRecall();
    for (const c of cards) s = rateCard(s, c.id, 'good', NOW);
    expect(dueQueue(cards, s, { now: NOW + MIN })).toEqual([]);
    const next = nextDueAt(cards, s, NOW + MIN)!;
    expect(next).toBeGreaterThan(NOW + DAY);
    expect(dueQueue(cards, s, { now: next }).length).toBeGreaterThan(0);
    // A lapse relearns after a 10-minute step.
    const again = rateCard(s, 'a1', 'again', next);
    expect(dueQueue(cards, again, { now: next + MIN }).map((c) => c.id)).not.toContain('a1');
    expect(dueQueue(cards, again, { now: next + 11 * MIN }).map((c) => c.id)).toContain('a1');
  });

  it('interleaves skills: no two neighbours of one skill when avoidable', () => {
    const q = dueQueue(cards, emptyRecall(), { now: NOW });
    expect(q).toHaveLength(6);
    for (let i = 1; i < q.length; i++) expect(q[i]!.skill).not.toBe(q[i - 1]!.skill);
  });
});

describe('interleave', () => {
  it('keeps the order when nothing repeats, and spreads a skill when it must', () => {
    expect(interleave(['a', 'b', 'c'], (x) => x)).toEqual(['a', 'b', 'c']);
    expect(interleave(['a', 'a', 'a', 'b', 'b'], (x) => x)).toEqual(['a', 'b', 'a', 'b', 'a']);
    // Unavoidable: three of four are one skill.
    expect(interleave(['a', 'a', 'a', 'b'], (x) => x)).toEqual(['a', 'b', 'a', 'a']);
  });

  it('property: a permutation, with neighbours differing whenever no skill is over half', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), (xs) => {
        const out = interleave(xs, (x) => x);
        expect([...out].sort()).toEqual([...xs].sort());
        const max = Math.max(
          0,
          ...['a', 'b', 'c', 'd'].map((k) => xs.filter((x) => x === k).length),
        );
        if (max <= Math.ceil(xs.length / 2))
          for (let i = 1; i < out.length; i++) expect(out[i]).not.toBe(out[i - 1]);
      }),
    );
  });
});

describe('the saved schedule', () => {
  it('round-trips through JSON', () => {
    const s = rateCard(rateCard(emptyRecall(), 'x/y', 'hard', NOW), 'lesson/z', 'easy', NOW);
    expect(parseRecall(JSON.stringify(s))).toEqual({ state: s });
  });

  it.each([
    ['not JSON', '{nope', 'not valid JSON'],
    ['a list', '[1,2]', 'unknown format'],
    ['another version', '{"version":2,"cards":{}}', 'unknown format'],
    ['cards not a mapping', '{"version":1,"cards":7}', 'unknown format'],
  ])('%s: a fresh start and a message', (_name, text, message) => {
    const r = parseRecall(text);
    expect(r.state).toEqual(emptyRecall());
    expect(r.error).toContain(message);
  });

  it('drops unreadable card records and keeps the rest', () => {
    const s = rateCard(emptyRecall(), 'ok', 'good', NOW);
    const text = JSON.stringify({
      ...s,
      cards: { ...s.cards, bad: { due: 'soon' }, worse: null, odd: { ...s.cards.ok, state: 9 } },
    });
    const r = parseRecall(text);
    expect(Object.keys(r.state.cards)).toEqual(['ok']);
    expect(r.error).toBe('3 saved flashcard schedules were unreadable and start afresh');
  });

  it('empty or missing storage is a fresh start without a message', () => {
    expect(parseRecall(null)).toEqual({ state: emptyRecall() });
    expect(parseRecall('')).toEqual({ state: emptyRecall() });
  });

  it('rating names match the buttons', () =>
    expect(RATINGS).toEqual(['again', 'hard', 'good', 'easy']));
});

describe('lesson cards', () => {
  const path = 'lessons/03-across-namespaces.yaml';
  const parsed = parseLesson(readFileSync(path, 'utf8'), path);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const lesson = parsed.lesson;

  it('a predict question becomes a card: the question, then every correct option with its why, and the reveal', () => {
    const [c] = lessonCards([lesson]);
    expect(c!.id).toBe('lesson/reaching-across-namespaces');
    expect(c!.front).toBe(lesson.predict!.question);
    for (const o of lesson.predict!.options.filter((o) => o.correct))
      expect(c!.back).toContain(o.text.trim());
    for (const o of lesson.predict!.options.filter((o) => !o.correct))
      expect(c!.back).not.toContain(o.text.trim());
    expect(c!.back).toContain(lesson.predict!.reveal.trim());
    expect(c!.cluster).toEqual({ lesson: lesson.id, setup: [] });
    expect(c!.skill).toBe(lesson.skills[0]);
  });

  it('coming-soon lessons and lessons without a prediction give no card', () => {
    expect(lessonCards([{ ...lesson, status: 'coming-soon' }])).toEqual([]);
    const { predict: _p, ...rest } = lesson;
    expect(lessonCards([rest])).toEqual([]);
  });
});
