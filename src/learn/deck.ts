/**
 * Flashcard decks (lessons/decks/*.yaml): short questions on names, YAML semantics and
 * permissions. Every card carries an engine proof — a lesson whose starting cluster it runs
 * on, optional kubectl commands applied first, and goals from the lesson vocabulary that must
 * hold there — so no answer on a card is merely asserted. Errors read `file: field: problem`.
 */
import { runCommandLine, type ClusterState } from '../engine/index.ts';
import { Reader, join, parseYamlFile } from './reader.ts';
import type { Flashcard } from './recall.ts';
import { buildStartCluster, checkGoals, runCommands, type BuildResult } from './run.ts';
import type { Lesson, LessonGoal } from './types.ts';
import { goals as readGoals } from './validate.ts';

/** Where a card's answer is shown to hold. */
export interface CardProof {
  /** The lesson whose starting cluster the proof runs on. */
  lesson: string;
  /** kubectl command lines applied to that cluster first. */
  setup: string[];
  goals: LessonGoal[];
}

export interface DeckCard {
  id: string;
  skill: string;
  /** Markdown. */
  front: string;
  /** Markdown. */
  back: string;
  /** A command the learner can run to see the answer, and its exit code on the proof's cluster. */
  demo?: string;
  demoExit?: number;
  proof: CardProof;
}

export interface Deck {
  id: string;
  file: string;
  title: string;
  cards: DeckCard[];
}

/** A deck read from a file: its readable cards, every problem, and how many cards were unreadable. */
export interface DeckParse {
  deck?: Deck;
  errors: string[];
  /** Cards (or, for a file unreadable as a whole, 1) that failed validation. */
  failed: number;
}

const ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SKILL = /^[a-z0-9]+(?:[.-][a-zA-Z0-9]+)*$/;

function id(r: Reader, m: Record<string, unknown>, path: string): string {
  const v = r.string(m, path, 'id');
  if (v && !ID.test(v))
    r.error(
      join(path, 'id'),
      `must be lowercase letters, digits and dashes (got ${JSON.stringify(v)})`,
    );
  return v;
}

function proof(r: Reader, value: unknown, path: string): CardProof {
  const m = r.map(value, path);
  if (!m) return { lesson: '', setup: [], goals: [] };
  r.onlyKeys(m, path, ['lesson', 'setup', 'goals']);
  const p: CardProof = {
    lesson: r.string(m, path, 'lesson'),
    setup: m.setup === undefined ? [] : r.strings(m, path, 'setup'),
    goals: readGoals(r, m, path, 'goals'),
  };
  if (Array.isArray(m.goals) && m.goals.length === 0)
    r.error(join(path, 'goals'), 'must hold at least one goal (the answer, proven)');
  return p;
}

function card(r: Reader, value: unknown, path: string): DeckCard | undefined {
  const m = r.map(value, path);
  if (!m) return undefined;
  r.onlyKeys(m, path, ['id', 'skill', 'front', 'back', 'demo', 'demoExit', 'proof']);
  const c: DeckCard = {
    id: id(r, m, path),
    skill: r.string(m, path, 'skill'),
    front: r.markdown(m, path, 'front'),
    back: r.markdown(m, path, 'back'),
    proof: proof(r, m.proof, join(path, 'proof')),
  };
  if (c.skill && !SKILL.test(c.skill))
    r.error(join(path, 'skill'), `must look like dns.fqdn (got ${JSON.stringify(c.skill)})`);
  const demo = r.string(m, path, 'demo', true);
  if (demo) c.demo = demo;
  if (m.demoExit !== undefined) c.demoExit = r.number(m, path, 'demoExit');
  if ((c.demo === undefined) !== (c.demoExit === undefined))
    r.error(join(path, demo ? 'demoExit' : 'demo'), 'demo and demoExit go together');
  return c;
}

/** Turns parsed YAML into a deck; a card with problems is left out and counted. */
export function readDeck(data: unknown, file: string): DeckParse {
  const r = new Reader(file);
  const m = r.map(data, '');
  if (!m) return { errors: r.errors, failed: 1 };
  r.onlyKeys(m, '', ['id', 'title', 'cards']);
  const deck: Deck = { id: id(r, m, ''), file, title: r.string(m, '', 'title'), cards: [] };
  const topErrors = r.errors.length;
  let failed = topErrors ? 1 : 0;
  const seen = new Set<string>();
  r.list(m, '', 'cards').forEach((item, i) => {
    const before = r.errors.length;
    const c = card(r, item, `cards[${i}]`);
    if (c?.id && seen.has(c.id))
      r.error(`cards[${i}].id`, `duplicate card id ${JSON.stringify(c.id)}`);
    if (c?.id) seen.add(c.id);
    if (c && r.errors.length === before) deck.cards.push(c);
    else failed++;
  });
  if (Array.isArray(m.cards) && m.cards.length === 0) {
    r.error('cards', 'must hold at least one card');
    failed = Math.max(failed, 1);
  }
  return { ...(topErrors ? {} : { deck }), errors: r.errors, failed };
}

/** Parses one deck file's text (YAML). */
export function parseDeck(text: string, file: string): DeckParse {
  const parsed = parseYamlFile(text, file);
  if (!parsed.ok) return { errors: [parsed.error], failed: 1 };
  return readDeck(parsed.data, file);
}

/** Starting clusters by lesson id, built once per verification run. */
export type ClusterCache = Map<string, BuildResult>;

/** The cluster a card's proof runs on (its lesson's start plus setup), or why it cannot be built. */
export function cardCluster(
  proof: { lesson: string; setup: readonly string[] },
  lessons: readonly Lesson[],
  cache: ClusterCache = new Map(),
): { ok: true; state: ClusterState; start: ClusterState } | { ok: false; error: string } {
  const lesson = lessons.find((l) => l.id === proof.lesson);
  if (!lesson || lesson.status !== 'ready')
    return {
      ok: false,
      error: `proof.lesson: no ready lesson has the id ${JSON.stringify(proof.lesson)}`,
    };
  let built = cache.get(lesson.id);
  if (!built) {
    built = buildStartCluster(lesson);
    cache.set(lesson.id, built);
  }
  if (!built.ok) return { ok: false, error: `proof.lesson (${lesson.id}): ${built.error}` };
  const ran = runCommands(built.state, proof.setup, 'proof.setup');
  return ran.ok ? { ok: true, state: ran.state, start: built.state } : ran;
}

/** The proof of every card, as `file: cards[i]…: problem` lines (empty when all hold); failed counts cards. */
export function verifyDeck(
  deck: Deck,
  lessons: readonly Lesson[],
  cache: ClusterCache = new Map(),
): { problems: string[]; failed: number } {
  const problems: string[] = [];
  let failed = 0;
  for (const [i, c] of deck.cards.entries()) {
    const at = `${deck.file}: cards[${i}]`;
    const before = problems.length;
    const built = cardCluster(c.proof, lessons, cache);
    if (!built.ok) problems.push(`${at}.${built.error}`);
    else {
      for (const [j, g] of checkGoals(built.state, c.proof.goals, built.start).entries())
        if (!g.result.pass)
          problems.push(
            `${at}.proof.goals[${j}] (${g.goal.title}) does not hold: ${g.result.detail}`,
          );
      if (c.demo !== undefined && c.demoExit !== undefined) {
        const r = runCommandLine(built.state, c.demo);
        if (r.exitCode !== c.demoExit)
          problems.push(
            `${at}.demo exited ${r.exitCode}, the card says ${c.demoExit}: ${(r.stderr || r.stdout).trim().split('\n')[0]}`,
          );
      }
    }
    if (problems.length > before) failed++;
  }
  return { problems, failed };
}

/** Cross-file checks: deck ids unique (card ids are `deck/card`). */
export function checkDeckSet(decks: readonly Deck[]): string[] {
  const errors: string[] = [];
  const ids = new Map<string, string>();
  for (const d of decks) {
    const other = ids.get(d.id);
    if (other) errors.push(`${d.file}: id: ${JSON.stringify(d.id)} is already used by ${other}`);
    else ids.set(d.id, d.file);
  }
  return errors;
}

/** A deck's cards as flashcards for the scheduler. */
export function deckCards(deck: Deck): Flashcard[] {
  return deck.cards.map((c) => {
    const f: Flashcard = {
      id: `${deck.id}/${c.id}`,
      skill: c.skill,
      front: c.front,
      back: c.back,
      cluster: { lesson: c.proof.lesson, setup: c.proof.setup },
      file: deck.file,
    };
    if (c.demo) f.demo = c.demo;
    return f;
  });
}
