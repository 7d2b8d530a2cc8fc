/**
 * Recall mode's flashcards and their schedule. Cards come from every ready lesson's predict
 * question and from the decks in lessons/decks (deck.ts); each answer is proven against the
 * engine by `lessons verify`. Scheduling is FSRS (ts-fsrs) at a desired retention of 0.9: a
 * card comes back when the predicted chance of recalling it has fallen to 90%. The schedule is
 * plain JSON (one record per card id, recall-schedule.ts) that the store saves.
 */
import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  Rating,
  type Card as FsrsCard,
  type Grade,
} from 'ts-fsrs';
import { interleave } from './mixing.ts';
import type { CardRecord, RecallState } from './recall-schedule.ts';
import type { Lesson } from './types.ts';

export * from './recall-schedule.ts';

/** One flashcard: a question to answer from memory, then the proven answer. */
export interface Flashcard {
  /** `lesson/<lesson id>` or `<deck id>/<card id>`; the key of its schedule. */
  id: string;
  /** The skill it practises (cards of one skill are spread apart in a session). */
  skill: string;
  /** Markdown. */
  front: string;
  /** Markdown. */
  back: string;
  /** The lesson whose starting cluster shows the answer, and commands applied to it first. */
  cluster?: { lesson: string; setup: string[] };
  /** A command that shows the answer in the simulator. */
  demo?: string;
  /** The file it came from. */
  file: string;
}

/** The learner's four answers, as in Anki. */
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type RecallRating = (typeof RATINGS)[number];

const GRADE: Record<RecallRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/** Desired retention: review when predicted recall falls to 90% (FSRS's default). */
export const DESIRED_RETENTION = 0.9;
/** New cards introduced per day at most. */
export const NEW_PER_DAY = 10;

const DAY = 86_400_000;

// One short learning step (Again → a minute), then days; fuzz off so the intervals shown on
// the buttons are the intervals given.
const scheduler = fsrs(
  generatorParameters({
    request_retention: DESIRED_RETENTION,
    enable_fuzz: false,
    learning_steps: ['1m'],
    relearning_steps: ['10m'],
  }),
);

/** A lesson's predict question as a card: the question, then the right answers, why, and the reveal. */
export function lessonCards(lessons: readonly Lesson[]): Flashcard[] {
  const out: Flashcard[] = [];
  for (const l of lessons) {
    if (l.status !== 'ready' || !l.predict) continue;
    const p = l.predict;
    const right = p.options
      .filter((o) => o.correct)
      .map((o) => `**${o.text.trim()}**${o.why ? ` — ${o.why.trim()}` : ''}`);
    const card: Flashcard = {
      id: `lesson/${l.id}`,
      skill: l.skills[0] ?? l.kind,
      front: p.question,
      back: [...right, p.reveal.trim()].join('\n\n'),
      cluster: { lesson: l.id, setup: [] },
      file: l.file,
    };
    if (p.demo) card.demo = p.demo;
    out.push(card);
  }
  return out;
}

function toFsrs(r: CardRecord): FsrsCard {
  const c: FsrsCard = {
    due: new Date(r.due),
    stability: r.stability,
    difficulty: r.difficulty,
    elapsed_days: r.elapsed_days,
    scheduled_days: r.scheduled_days,
    learning_steps: r.learning_steps,
    reps: r.reps,
    lapses: r.lapses,
    state: r.state,
  };
  if (r.last_review !== undefined) c.last_review = new Date(r.last_review);
  return c;
}

function fromFsrs(c: FsrsCard, introduced: number): CardRecord {
  const r: CardRecord = {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    introduced,
  };
  if (c.last_review) r.last_review = c.last_review.getTime();
  return r;
}

/** The schedule after the learner rates a card at `now`. */
export function rateCard(
  s: RecallState,
  cardId: string,
  rating: RecallRating,
  now: number,
): RecallState {
  const prev = s.cards[cardId];
  const card = prev ? toFsrs(prev) : createEmptyCard(new Date(now));
  const next = scheduler.next(card, new Date(now), GRADE[rating]).card;
  return { ...s, cards: { ...s.cards, [cardId]: fromFsrs(next, prev?.introduced ?? now) } };
}

/** When each rating would bring the card back (epoch ms), for the labels on the buttons. */
export function previewRatings(
  s: RecallState,
  cardId: string,
  now: number,
): Record<RecallRating, number> {
  const out = {} as Record<RecallRating, number>;
  for (const r of RATINGS) out[r] = rateCard(s, cardId, r, now).cards[cardId]!.due;
  return out;
}

/** A span as the learner reads it: "1 minute", "10 minutes", "3 hours", "2 days", "4 months". */
export function formatInterval(ms: number): string {
  const unit = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const min = Math.max(1, Math.round(ms / 60_000));
  if (min < 60) return unit(min, 'minute');
  const h = Math.round(ms / 3_600_000);
  if (h < 24) return unit(h, 'hour');
  const d = Math.round(ms / DAY);
  if (d < 31) return unit(d, 'day');
  if (d < 365) return unit(Math.round(d / 30), 'month');
  return unit(Math.round((d / 365) * 10) / 10, 'year');
}

function dayOf(t: number): number {
  return Math.floor(t / DAY);
}

/**
 * Cards to answer now: every card whose review is due, then new cards up to the day's
 * allowance (`newPerDay` minus cards already introduced today), interleaved by skill.
 */
export function dueQueue(
  cards: readonly Flashcard[],
  s: RecallState,
  opts: { now: number; newPerDay?: number },
): Flashcard[] {
  const { now } = opts;
  const today = dayOf(now);
  const introducedToday = Object.values(s.cards).filter((r) => dayOf(r.introduced) === today);
  let allowance = Math.max(0, (opts.newPerDay ?? NEW_PER_DAY) - introducedToday.length);
  const due = cards
    .filter((c) => s.cards[c.id] && s.cards[c.id]!.due <= now)
    .sort((a, b) => s.cards[a.id]!.due - s.cards[b.id]!.due);
  const fresh: Flashcard[] = [];
  for (const c of cards) {
    if (allowance === 0) break;
    if (s.cards[c.id]) continue;
    fresh.push(c);
    allowance--;
  }
  return interleave([...due, ...fresh], (c) => c.skill);
}

/** When the next scheduled card falls due after `now` (undefined: none scheduled). */
export function nextDueAt(
  cards: readonly Flashcard[],
  s: RecallState,
  now: number,
): number | undefined {
  let best: number | undefined;
  for (const c of cards) {
    const r = s.cards[c.id];
    if (r && r.due > now && (best === undefined || r.due < best)) best = r.due;
  }
  return best;
}
