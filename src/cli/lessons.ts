/**
 * `nslab lessons verify [DIR]`: validates every lesson file in DIR (default `lessons/`) and
 * proves its goals — not all met on the starting cluster, all met after the solution. One
 * line per failure, then `N lessons verified, M failed`; exit 1 if any failed. Instructors
 * writing their own lessons run the same command.
 */
import { existsSync } from 'node:fs';
import { checkLessonSet, parseLesson, verifyLesson, type Lesson } from '../learn/index.ts';
import { readManifestPath } from './files.ts';
import type { CliOutput } from './nslab.ts';

const USAGE = 'Usage: nslab lessons verify [DIR]\n';

/** Verifies the lesson files found in a folder (or one file) given their texts by path. */
export function verifyLessonFiles(files: Readonly<Record<string, string>>): CliOutput {
  const lines: string[] = [];
  const lessons: Lesson[] = [];
  let failed = 0;
  let verified = 0;
  const paths = Object.keys(files)
    .filter((p) => /\.ya?ml$/.test(p))
    .sort();
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
  lines.push(`${verified} lessons verified, ${failed} failed`);
  return { stdout: lines.join('\n') + '\n', stderr: '', exitCode: failed > 0 ? 1 : 0 };
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
