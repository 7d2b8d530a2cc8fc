/**
 * The one place that loads lessons/: every lesson file is bundled as text by Vite and parsed
 * with src/learn. A file that does not validate is reported, never shown half-read.
 */
import {
  checkDeckSet,
  checkLessonSet,
  parseDeck,
  parseLesson,
  type Deck,
  type Lesson,
} from '../learn/index.ts';

const FILES = import.meta.glob('../../lessons/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Lessons sorted by their order, and the problems of files that could not be read. */
export interface LessonCatalog {
  lessons: Lesson[];
  errors: string[];
}

/** Parses lesson files given as text by path (exposed for tests and instructors' own folders). */
export function catalogFrom(files: Readonly<Record<string, string>>): LessonCatalog {
  const lessons: Lesson[] = [];
  const errors: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    const file = path.replace(/^(\.\.\/)+/, '');
    const r = parseLesson(text, file);
    if (r.ok) lessons.push(r.lesson);
    else errors.push(...r.errors);
  }
  errors.push(...checkLessonSet(lessons));
  lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { lessons, errors };
}

let cached: LessonCatalog | undefined;

/** The bundled lessons (parsed once). */
export function loadLessons(): LessonCatalog {
  cached ??= catalogFrom(FILES);
  return cached;
}

const DECK_FILES = import.meta.glob('../../lessons/decks/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Flashcard decks, and the problems of deck files (or cards) that could not be read. */
export interface DeckCatalog {
  decks: Deck[];
  errors: string[];
}

/** Parses deck files given as text by path; unreadable cards are left out and reported. */
export function decksFrom(files: Readonly<Record<string, string>>): DeckCatalog {
  const decks: Deck[] = [];
  const errors: string[] = [];
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const r = parseDeck(text, path.replace(/^(\.\.\/)+/, ''));
    errors.push(...r.errors);
    if (r.deck) decks.push(r.deck);
  }
  errors.push(...checkDeckSet(decks));
  return { decks, errors };
}

let cachedDecks: DeckCatalog | undefined;

/** The bundled flashcard decks (parsed once). */
export function loadDeck(): DeckCatalog {
  cachedDecks ??= decksFrom(DECK_FILES);
  return cachedDecks;
}
