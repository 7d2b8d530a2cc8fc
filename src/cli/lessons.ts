/**
 * `nslab lessons verify [DIR]`: validates every lesson file in DIR (default `lessons/`) and
 * proves its goals — not all met on the starting cluster, all met after the solution — and,
 * when DIR/decks holds flashcard decks, proves each card's answer on its lesson's cluster. One
 * line per failure, then `N lessons verified, M failed` (deck files count as lesson files; the
 * card count goes to stderr); exit 1 if any failed. Instructors run the same command.
 */
import { existsSync } from 'node:fs';
import {
  checkDeckSet,
  checkLessonSet,
  parseDeck,
  parseLesson,
  verifyDeck,
  verifyLesson,
  type Deck,
  type Lesson,
} from '../learn/index.ts';
import { readManifestPath } from './files.ts';
import type { CliOutput } from './nslab.ts';

const USAGE = 'Usage: nslab lessons verify [DIR]\n';

/** A deck file: YAML directly inside a `decks/` folder. */
const DECK_PATH = /(^|[/\\])decks[/\\][^/\\]+\.ya?ml$/;

/** Verifies the lesson files (and decks/*.yaml) found in a folder given their texts by path. */
export function verifyLessonFiles(files: Readonly<Record<string, string>>): CliOutput {
  const lines: string[] = [];
  const lessons: Lesson[] = [];
  let failed = 0;
  let verified = 0;
  const yaml = Object.keys(files)
    .filter((p) => /\.ya?ml$/.test(p))
    .sort();
  const paths = yaml.filter((p) => !DECK_PATH.test(p));
  const deckPaths = yaml.filter((p) => DECK_PATH.test(p));
  const problems = new Map<string, string[]>();
  for (const path of paths) {
    const parsed = parseLesson(files[path]!, path);
    problems.set(path, parsed.ok ? verifyLesson(parsed.lesson) : parsed.errors);
    if (parsed.ok) lessons.push(parsed.lesson);
  }
  // Two files claiming one id or order: the problem names the later file, which fails.
  for (const clash of checkLessonSet(lessons)) {
    const file = paths.find((p) => clash.startsWith(`${p}: `));
    if (file) problems.get(file)!.push(clash);
    else lines.push(clash);
  }
  for (const list of problems.values()) {
    if (list.length) failed++;
    else verified++;
    lines.push(...list.map(oneLine));
  }
  // A deck file counts like a lesson file: verified when every card in it is proven.
  const decks = verifyDecks(files, deckPaths, lessons);
  lines.push(...decks.lines);
  verified += decks.filesVerified;
  failed += decks.filesFailed;
  lines.push(`${verified} lessons verified, ${failed} failed`);
  return {
    stdout: lines.join('\n') + '\n',
    // The card count is for people; stdout keeps its contract (failures, then the totals).
    stderr: deckPaths.length
      ? `${decks.cards} flashcards verified, ${decks.cardsFailed} failed\n`
      : '',
    exitCode: failed > 0 ? 1 : 0,
  };
}

const oneLine = (problem: string) => problem.replace(/\s*\n\s*/g, ' ');

/** Every deck's cards validated and proven on the lessons' clusters. */
function verifyDecks(
  files: Readonly<Record<string, string>>,
  paths: readonly string[],
  lessons: readonly Lesson[],
) {
  const lines: string[] = [];
  const decks: Deck[] = [];
  const cache = new Map();
  let cards = 0;
  let cardsFailed = 0;
  let filesFailed = 0;
  for (const path of paths) {
    const parsed = parseDeck(files[path]!, path);
    const proven = parsed.deck ? verifyDeck(parsed.deck, lessons, cache) : undefined;
    if (parsed.deck) decks.push(parsed.deck);
    lines.push(...parsed.errors.map(oneLine), ...(proven?.problems ?? []).map(oneLine));
    const bad = parsed.failed + (proven?.failed ?? 0);
    cardsFailed += bad;
    cards += (parsed.deck?.cards.length ?? 0) - (proven?.failed ?? 0);
    if (bad > 0 || !parsed.deck) filesFailed++;
  }
  const clashes = checkDeckSet(decks);
  lines.push(...clashes);
  filesFailed += clashes.length;
  return { lines, cards, cardsFailed, filesFailed, filesVerified: paths.length - filesFailed };
}

/** The `lessons` command family. */
export function lessonsCommand(args: readonly string[]): CliOutput {
  if (args[0] !== 'verify' || args.length > 2) return { stdout: '', stderr: USAGE, exitCode: 1 };
  const dir = args[1] ?? 'lessons';
  if (!existsSync(dir))
    return { stdout: '', stderr: `error: the path "${dir}" does not exist\n`, exitCode: 1 };
  const files: Record<string, string> = {};
  readManifestPath(dir, files);
  return verifyLessonFiles(files);
}
