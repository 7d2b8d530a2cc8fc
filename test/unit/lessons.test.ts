/**
 * Every lesson in lessons/: the file validates, its starting cluster builds, each task's goals
 * are not all met before its solution and are all met after it, the predict question's proof
 * holds on the starting cluster, and together the files cover every item of the tutorial.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../src/engine/kubectl/index.ts';
import {
  buildStartCluster,
  checkGoals,
  checkLessonSet,
  checkTask,
  LESSON_KINDS,
  parseLesson,
  runCommands,
  type Lesson,
} from '../../src/learn/index.ts';
import { verifyLessonFiles } from '../../src/cli/lessons.ts';
import { nslab } from '../../src/cli/nslab.ts';

const DIR = 'lessons';
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const lessons: Lesson[] = [];

describe.each(files)('%s', (file) => {
  const path = join(DIR, file);
  const parsed = parseLesson(readFileSync(path, 'utf8'), path);

  it('validates', () => {
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (parsed.ok) lessons.push(parsed.lesson);
  });

  if (!parsed.ok || parsed.lesson.status === 'coming-soon') return;
  const lesson = parsed.lesson;

  it('is unsolved at the start and solved by its solution, task by task', () => {
    const built = buildStartCluster(lesson);
    if (!built.ok) throw new Error(built.error);
    const start = built.state;
    let state = start;
    for (const task of lesson.tasks) {
      const before = checkTask(state, task, start);
      expect(before.done, `${task.id}: already met before its solution`).toBe(false);
      const ran = runCommands(state, task.solution, task.id);
      if (!ran.ok) throw new Error(ran.error);
      state = ran.state;
      const after = checkTask(state, task, start);
      const unmet = after.goals
        .filter((g) => !g.result.pass)
        .map((g) => `${g.goal.title}: ${g.result.detail}`);
      expect(unmet, `${task.id}: unmet after its solution`).toEqual([]);
    }
  });

  if (lesson.predict) {
    const p = lesson.predict;
    it('its predict question is answered by the engine', () => {
      const built = buildStartCluster(lesson);
      if (!built.ok) throw new Error(built.error);
      const failed = checkGoals(built.state, p.proof, built.state).filter((c) => !c.result.pass);
      expect(failed.map((c) => c.result.detail)).toEqual([]);
      if (p.demo !== undefined && p.demoExit !== undefined)
        expect(runCommandLine(built.state, p.demo).exitCode).toBe(p.demoExit);
    });
  }
});

describe('the lesson set', () => {
  it('has unique ids and orders', () => {
    expect(checkLessonSet(lessons)).toEqual([]);
  });

  // The tutorial's items (issue 7); each must be covered by some file's `covers`.
  const ITEMS = [
    'Build-Up 1',
    'Build-Up 2',
    'Build-Up 3',
    'Build-Up 4',
    'Build-Up 5',
    'Build-Up 6',
    'Myth-buster 1',
    'Myth-buster 2',
    'Myth-buster 3',
    'Myth-buster 4',
    'Pitfall 1',
    'Pitfall 2',
    'Pitfall 3',
    'Expert zone 1',
    'Expert zone 2',
    'Expert zone 3',
    'When not to use',
    'per-environment namespaces',
    'shared services via ExternalName',
    'multi-tenant default-deny',
    'Connections: microservices',
    'Connections: network segmentation',
    'Connections: OS namespaces',
    // The other learning modes' files (pedagogy §5.5): Learn, Why, the §5.3 exercises, Projects.
    'Learn mode: overview',
    'Why mode: namespaces scope names but not traffic',
    'Why mode: why cluster DNS uses a search list',
    'Why mode: why network access and RBAC are separate layers',
    'Exercise S4-c',
    'Exercise S4-d',
    'Exercise S5-c',
    'Project PP1',
    'Project PP2',
  ];
  it.each(ITEMS)('covers %s', (item) => {
    const all = files.map((f) => {
      const r = parseLesson(readFileSync(join(DIR, f), 'utf8'), f);
      return r.ok ? r.lesson.covers.join('\n') : '';
    });
    expect(all.some((c) => c.includes(item))).toBe(true);
  });

  it('lesson 6 (mesh) is listed as coming soon, with no goals', () => {
    const r = parseLesson(readFileSync(join(DIR, '06-service-mesh.yaml'), 'utf8'), 'x');
    expect(r.ok && r.lesson.status === 'coming-soon' && r.lesson.tasks.length === 0).toBe(true);
  });
});

/** A lesson from lessons/, parsed (the test fails loudly if it does not parse). */
function load(file: string): Lesson {
  const r = parseLesson(readFileSync(join(DIR, file), 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.lesson;
}

/** Titles of a task's unmet goals after running other commands than its solution. */
function unmetAfter(lesson: Lesson, commands: string[]): string[] {
  const built = buildStartCluster(lesson);
  if (!built.ok) throw new Error(built.error);
  const ran = runCommands(built.state, commands, 'attempt');
  if (!ran.ok) throw new Error(ran.error);
  return checkTask(ran.state, lesson.tasks[0]!, built.state)
    .goals.filter((g) => !g.result.pass)
    .map((g) => g.goal.title);
}

describe('what the challenges and projects reject', () => {
  it('23: the unmet goal says the DNS query is denied egress by a policy in shop', () => {
    const lesson = load('23-pitfall-egress-no-dns.yaml');
    const built = buildStartCluster(lesson);
    if (!built.ok) throw new Error(built.error);
    const dns = checkTask(built.state, lesson.tasks[0]!, built.state).goals.find((g) =>
      g.goal.title.includes('TCP 53'),
    );
    expect(dns?.result.pass).toBe(false);
    expect(dns?.result.decidedBy?.summary).toMatch(
      /egress from shop\/client to kube-system\/coredns-\S+:53\/TCP: denied/,
    );
    expect(dns?.result.decidedBy?.object).toMatch(/^NetworkPolicy\/shop\//);
  });

  it('23: deleting the egress lockdown is rejected', () => {
    const lesson = load('23-pitfall-egress-no-dns.yaml');
    const unmet = unmetAfter(lesson, [
      'kubectl delete networkpolicy default-deny-egress allow-db-egress -n shop',
    ]);
    expect(unmet).toContain('default-deny-egress is unchanged');
    expect(unmet.some((t) => t.includes('cannot reach the cache'))).toBe(true);
  });

  it('24: the policy without ports (over-broad) fails only the metrics-port check', () => {
    const lesson = load('24-challenge-port-semantics.yaml');
    const solution = lesson.tasks[0]!.solution.map((c) =>
      c.replace(/\n\s+ports:\n\s+- port: http\n\s+protocol: TCP/, ''),
    );
    expect(solution).not.toEqual(lesson.tasks[0]!.solution);
    expect(unmetAfter(lesson, solution)).toEqual(['shop/client is denied the metrics port 9090']);
  });

  it('71: auth keyed on tenant names fails only the checks run after tenant-c arrives', () => {
    const lesson = load('71-project-multitenant-shared-services.yaml');
    const solution = lesson.tasks[0]!.solution.map((c) =>
      c.replace(
        /namespaceSelector:\n(\s+)matchLabels:\n\s+tenant: "true"/,
        'namespaceSelector:\n$1matchExpressions:\n$1- {key: kubernetes.io/metadata.name, operator: In, values: [tenant-a, tenant-b]}',
      ),
    );
    expect(solution).not.toEqual(lesson.tasks[0]!.solution);
    expect(unmetAfter(lesson, solution)).toEqual([
      'new tenant-c (labelled tenant=true) reaches auth with no policy edits',
    ]);
  });
});

describe('nslab lessons verify', () => {
  const broken = readFileSync(join(DIR, '03-across-namespaces.yaml'), 'utf8').replace(
    '--external-name=db.data.svc.cluster.local',
    '--external-name=db.dev.svc.cluster.local',
  );

  it('reports a solution that does not solve, one line per failure, and exits 1', () => {
    const out = verifyLessonFiles({
      'x/03.yaml': broken,
      'x/01.yaml': readFileSync(join(DIR, '01-namespaces-as-rooms.yaml'), 'utf8'),
    });
    const lines = out.stdout.trimEnd().split('\n');
    expect(out.exitCode).toBe(1);
    expect(lines[lines.length - 1]).toBe('1 lessons verified, 1 failed');
    expect(lines.slice(0, -1).every((l) => l.startsWith('x/03.yaml: tasks[0].goals['))).toBe(true);
    expect(out.stdout).toContain('is not met after the solution');
  });

  it('reports validation errors as file: field: problem', () => {
    const out = verifyLessonFiles({ 'y.yaml': broken.replace('kind: lesson', 'kind: lecture') });
    expect(out.stdout).toContain(
      `y.yaml: kind: must be one of ${LESSON_KINDS.join(', ')} (got "lecture")`,
    );
    expect(out.exitCode).toBe(1);
  });

  it('fails the later of two files that claim one id, and exits 1', () => {
    const lesson1 = readFileSync(join(DIR, '01-namespaces-as-rooms.yaml'), 'utf8');
    const out = verifyLessonFiles({
      'x/01.yaml': lesson1,
      'x/02.yaml': lesson1.replace(/^order: 1$/m, 'order: 99'),
    });
    expect(out.stdout).toBe(
      'x/02.yaml: id: "namespaces-as-rooms" is already used by x/01.yaml\n1 lessons verified, 1 failed\n',
    );
    expect(out.exitCode).toBe(1);
  });

  it('runs through the nslab entry point on lessons/ (deck files count as files)', () => {
    const out = nslab(['lessons', 'verify'], () => undefined);
    const decks = readdirSync(join(DIR, 'decks')).filter((f) => f.endsWith('.yaml'));
    expect(decks.length).toBeGreaterThan(0);
    expect(out.stdout.trimEnd().split('\n').pop()).toBe(
      `${files.length + decks.length} lessons verified, 0 failed`,
    );
    expect(out.stderr).toMatch(/^\d+ flashcards verified, 0 failed\n$/);
    expect(out.exitCode).toBe(0);
  });
});
