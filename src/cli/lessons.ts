/**
 * `nslab lessons verify [DIR]`: validates every lesson file in DIR (default `lessons/`) and
 * proves its goals — not all met on the starting cluster, all met after the solution — and,
 * when DIR/decks holds flashcard decks, proves each card's answer on its lesson's cluster. One
 * line per failure, then `K flashcards verified, J failed` (only when there are decks), then
 * `N lessons verified, M failed`; exit 1 if any failed. Instructors run the same command.
 */
import { existsSync } from 'node:fs';
import { checkLessonSet, parseLesson, verifyLesson, type Lesson } from '../learn/index.ts';
import { checkDeckSet, parseDeck, verifyDeck, type Deck } from '../learn/deck.ts';
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
  for (const path of paths) {
    const parsed = parseLesson(files[path]!, path);
    const problems = parsed.ok ? verifyLesson(parsed.lesson) : parsed.errors;
    if (parsed.ok) lessons.push(parsed.lesson);
    if (problems.length) {
      failed++;
      for (const p of problems) lines.push(p.replace(/\s*\n\s*/g, ' '));
    } else verified++;
  }
  for (const p of checkLessonSet(lessons)) lines.push(p);
  const cards = deckPaths.length ? verifyDecks(files, deckPaths, lessons) : undefined;
  if (cards) lines.push(...cards.lines);
  lines.push(`${verified} lessons verified, ${failed} failed`);
  const bad = failed > 0 || (cards?.failed ?? 0) > 0;
  return { stdout: lines.join('\n') + '\n', stderr: '', exitCode: bad ? 1 : 0 };
}

/** Every deck's cards validated and proven on the lessons' clusters; ends with its count line. */
function verifyDecks(
  files: Readonly<Record<string, string>>,
  paths: readonly string[],
  lessons: readonly Lesson[],
): { lines: string[]; failed: number } {
  const lines: string[] = [];
  const decks: Deck[] = [];
  const cache = new Map();
  let failed = 0;
  let verified = 0;
  for (const path of paths) {
    const parsed = parseDeck(files[path]!, path);
    lines.push(...parsed.errors.map((e) => e.replace(/\s*\n\s*/g, ' ')));
    failed += parsed.failed;
    if (!parsed.deck) continue;
    decks.push(parsed.deck);
    const proven = verifyDeck(parsed.deck, lessons, cache);
    lines.push(...proven.problems.map((p) => p.replace(/\s*\n\s*/g, ' ')));
    failed += proven.failed;
    verified += parsed.deck.cards.length - proven.failed;
  }
  const dup = checkDeckSet(decks);
  lines.push(...dup);
  if (dup.length) failed++;
  lines.push(`${verified} flashcards verified, ${failed} failed`);
  return { lines, failed };
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
