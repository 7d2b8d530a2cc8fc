/**
 * The flashcard schedule as plain data: one FSRS record per card id, as the store saves it.
 * Reading it back never throws: unreadable records are dropped with a message and the rest
 * kept. Apart from ts-fsrs's scheduling (recall.ts), so the store can read a save without it.
 */

/** The schedule of one card: ts-fsrs's card with dates as epoch milliseconds. */
export interface CardRecord {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: number;
  /** When the card was first answered (counts against the day's new cards). */
  introduced: number;
}

export interface RecallState {
  version: 1;
  cards: Record<string, CardRecord>;
}

export function emptyRecall(): RecallState {
  return { version: 1, cards: {} };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const NUMBER_FIELDS = [
  'due',
  'stability',
  'difficulty',
  'elapsed_days',
  'scheduled_days',
  'learning_steps',
  'reps',
  'lapses',
  'state',
] as const;

/** Reads a saved schedule; corrupt data gives a fresh start and a message, never an exception. */
export function parseRecall(text: string | null | undefined): {
  state: RecallState;
  error?: string;
} {
  if (!text) return { state: emptyRecall() };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      state: emptyRecall(),
      error: 'the saved flashcard schedule is not valid JSON; starting afresh',
    };
  }
  return readRecall(data);
}

/** Reads a schedule already parsed from JSON (the store's saved record holds it as a field). */
export function readRecall(data: unknown): { state: RecallState; error?: string } {
  if (!isRecord(data) || data.version !== 1 || !isRecord(data.cards))
    return {
      state: emptyRecall(),
      error: 'the saved flashcard schedule has an unknown format; starting afresh',
    };
  const state = emptyRecall();
  let dropped = 0;
  for (const [id, v] of Object.entries(data.cards)) {
    const ok =
      isRecord(v) &&
      NUMBER_FIELDS.every((f) => typeof v[f] === 'number' && Number.isFinite(v[f])) &&
      (v.state as number) >= 0 &&
      (v.state as number) <= 3;
    if (!ok) {
      dropped++;
      continue;
    }
    const rec = {} as CardRecord;
    for (const f of NUMBER_FIELDS) rec[f] = v[f] as number;
    rec.introduced = typeof v.introduced === 'number' ? v.introduced : rec.due;
    if (typeof v.last_review === 'number') rec.last_review = v.last_review;
    state.cards[id] = rec;
  }
  return dropped
    ? {
        state,
        error: `${dropped} saved flashcard schedule${dropped === 1 ? ' was' : 's were'} unreadable and start afresh`,
      }
    : { state };
}
