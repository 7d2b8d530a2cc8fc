/**
 * Reading a lesson file: YAML → a typed Lesson, or every problem found as
 * `file: field: problem`, so an instructor can fix a whole file in one pass.
 */
import { commandsAllowed } from '../engine/index.ts';
import { Reader, join, parseYamlFile } from './reader.ts';
import { LESSON_KINDS } from './types.ts';
import type {
  ConnectExpect,
  Goal,
  GoalKind,
  Lesson,
  LessonGoal,
  LessonKind,
  ObjectSelector,
  Predict,
  PredictOption,
  StartCluster,
  Subject,
  Task,
} from './types.ts';

export type ParseResult = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

const TOP_KEYS = [
  'id',
  'kind',
  'status',
  'order',
  'title',
  'concept',
  'prose',
  'skills',
  'covers',
  'cluster',
  'allowedCommands',
  'predict',
  'tasks',
  'takeaway',
] as const;

/** The closed vocabulary of goal kinds, each answered by one engine function. */
export const GOAL_KINDS: readonly GoalKind[] = [
  'connect',
  'resolve',
  'canI',
  'apiCall',
  'probe',
  'exists',
  'matches',
  'unchanged',
];

const CONNECT_EXPECT: readonly ConnectExpect[] = [
  'succeeds',
  'refused',
  'times-out',
  'fails-dns',
  'fails',
];

/** A goal saying something must get through: a request succeeds, a cell is allowed, an API call returns 200. */
function mustReach(g: Goal): boolean {
  return (
    (g.kind === 'connect' && g.expect === 'succeeds') ||
    (g.kind === 'probe' && (g.allowed?.length ?? 0) > 0) ||
    (g.kind === 'apiCall' && g.expect === 'ok')
  );
}

/** A goal saying something must not get through (or must not be permitted). */
function mustNotReach(g: Goal): boolean {
  return (
    (g.kind === 'connect' && g.expect !== 'succeeds') ||
    (g.kind === 'probe' && (g.denied?.length ?? 0) > 0) ||
    (g.kind === 'apiCall' && g.expect !== 'ok') ||
    (g.kind === 'canI' && g.expect === 'no') ||
    (g.kind === 'resolve' && g.expect === 'nxdomain')
  );
}
const POD_REF = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/;
/** Kinds read, not done: no tasks, no prediction required, and the cluster is optional. */
const TASKLESS: ReadonlySet<LessonKind> = new Set(['card', 'overview']);

const ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function podRef(r: Reader, obj: Record<string, unknown>, path: string, key: string): string {
  const v = r.string(obj, path, key);
  if (v && !POD_REF.test(v))
    r.error(join(path, key), `must be namespace/name (got ${JSON.stringify(v)})`);
  return v;
}

function podRefs(
  r: Reader,
  obj: Record<string, unknown>,
  path: string,
  key: string,
): string[] | undefined {
  if (obj[key] === undefined) return undefined;
  const list = r.strings(obj, path, key);
  list.forEach((v, i) => {
    if (!POD_REF.test(v))
      r.error(`${join(path, key)}[${i}]`, `must be namespace/name (got ${JSON.stringify(v)})`);
  });
  return list;
}

function selector(r: Reader, value: unknown, path: string): ObjectSelector {
  const m = r.map(value, path);
  if (!m) return { kind: '' };
  r.onlyKeys(m, path, ['kind', 'namespace', 'name']);
  const sel: ObjectSelector = { kind: r.string(m, path, 'kind') };
  const ns = r.string(m, path, 'namespace', true);
  const name = r.string(m, path, 'name', true);
  if (ns) sel.namespace = ns;
  if (name) sel.name = name;
  return sel;
}

function subject(r: Reader, value: unknown, path: string): Subject {
  const m = r.map(value, path);
  if (!m) return {};
  r.onlyKeys(m, path, ['user', 'groups', 'serviceAccount']);
  const s: Subject = {};
  const user = r.string(m, path, 'user', true);
  const sa = r.string(m, path, 'serviceAccount', true);
  if (user) s.user = user;
  if (sa) {
    if (!POD_REF.test(sa))
      r.error(join(path, 'serviceAccount'), `must be namespace/name (got ${JSON.stringify(sa)})`);
    s.serviceAccount = sa;
  }
  if (m.groups !== undefined) s.groups = r.strings(m, path, 'groups');
  if (!user === !sa) r.error(path, 'must name exactly one of user or serviceAccount');
  return s;
}

/** One goal body, by kind. */
function goalBody(r: Reader, kind: GoalKind, value: unknown, path: string): Goal | undefined {
  const m = r.map(value, path);
  if (!m) return undefined;
  switch (kind) {
    case 'connect':
      r.onlyKeys(m, path, ['from', 'url', 'expect']);
      return {
        kind,
        from: podRef(r, m, path, 'from'),
        url: r.string(m, path, 'url'),
        expect: r.oneOf(m, path, 'expect', CONNECT_EXPECT),
      };
    case 'resolve': {
      r.onlyKeys(m, path, ['from', 'name', 'type', 'expect', 'service', 'pods', 'data']);
      const g: Goal = {
        kind,
        from: podRef(r, m, path, 'from'),
        name: r.string(m, path, 'name'),
        type: r.oneOf(m, path, 'type', ['A', 'AAAA', 'SRV', 'CNAME', 'PTR'] as const, 'A'),
        expect: r.oneOf(m, path, 'expect', ['nxdomain', 'answer'] as const),
      };
      const svc = r.string(m, path, 'service', true);
      if (svc) g.service = svc;
      const pods = podRefs(r, m, path, 'pods');
      if (pods) g.pods = pods;
      if (m.data !== undefined) g.data = r.strings(m, path, 'data');
      if (g.expect === 'nxdomain' && (g.service || g.pods || g.data))
        r.error(path, 'service, pods and data only make sense with expect: answer');
      return g;
    }
    case 'canI': {
      r.onlyKeys(m, path, [
        'subject',
        'verb',
        'resource',
        'apiGroup',
        'subresource',
        'namespace',
        'expect',
      ]);
      const g: Goal = {
        kind,
        subject: subject(r, m.subject, join(path, 'subject')),
        verb: r.string(m, path, 'verb'),
        resource: r.string(m, path, 'resource'),
        expect: r.oneOf(m, path, 'expect', ['yes', 'no'] as const),
      };
      for (const k of ['apiGroup', 'subresource', 'namespace'] as const) {
        const v = r.string(m, path, k, true);
        if (v || m[k] === '') g[k] = v;
      }
      return g;
    }
    case 'apiCall': {
      r.onlyKeys(m, path, ['from', 'verb', 'resource', 'apiGroup', 'namespace', 'expect']);
      const g: Goal = {
        kind,
        from: podRef(r, m, path, 'from'),
        verb: r.string(m, path, 'verb'),
        resource: r.string(m, path, 'resource'),
        expect: r.oneOf(m, path, 'expect', ['ok', 'forbidden', 'unreachable'] as const),
      };
      const group = r.string(m, path, 'apiGroup', true);
      const ns = r.string(m, path, 'namespace', true);
      if (group) g.apiGroup = group;
      if (ns) g.namespace = ns;
      return g;
    }
    case 'probe': {
      r.onlyKeys(m, path, ['from', 'port', 'protocol', 'allowed', 'denied']);
      const g: Goal = {
        kind,
        from: podRef(r, m, path, 'from'),
        port: r.number(m, path, 'port'),
        protocol: r.oneOf(m, path, 'protocol', ['TCP', 'UDP', 'SCTP'] as const, 'TCP'),
      };
      const allowed = podRefs(r, m, path, 'allowed');
      const denied = podRefs(r, m, path, 'denied');
      if (allowed) g.allowed = allowed;
      if (denied) g.denied = denied;
      if (!allowed?.length && !denied?.length)
        r.error(path, 'must list at least one pod in allowed or denied');
      if (Number.isFinite(g.port) && (g.port < 1 || g.port > 65535 || !Number.isInteger(g.port)))
        r.error(join(path, 'port'), `must be an integer from 1 to 65535 (got ${g.port})`);
      return g;
    }
    case 'exists':
    case 'matches': {
      r.onlyKeys(m, path, ['object', 'fields', 'expect']);
      const g: Goal = { kind, object: selector(r, m.object, join(path, 'object')) };
      if (m.fields !== undefined) {
        const f = r.map(m.fields, join(path, 'fields'));
        if (f) g.fields = f;
      }
      if (kind === 'exists')
        g.expect = r.oneOf(m, path, 'expect', ['present', 'absent'] as const, 'present');
      else if (m.expect !== undefined)
        r.error(join(path, 'expect'), 'only exists goals take expect');
      if (kind === 'matches' && (!g.object.name || !g.fields))
        r.error(path, 'a matches goal names one object (object.name) and the fields it must have');
      return g;
    }
    case 'unchanged': {
      r.onlyKeys(m, path, ['object', 'fields']);
      const g: Goal = { kind, object: selector(r, m.object, join(path, 'object')) };
      if (m.fields !== undefined) g.fields = r.strings(m, path, 'fields');
      return g;
    }
  }
}

/** Reads a list of goals (`title` plus one goal of the vocabulary) at `path.key`. */
export function goals(
  r: Reader,
  obj: Record<string, unknown>,
  path: string,
  key: string,
  optional = false,
): LessonGoal[] {
  const out: LessonGoal[] = [];
  r.list(obj, path, key, optional).forEach((item, i) => {
    const p = `${join(path, key)}[${i}]`;
    const m = r.map(item, p);
    if (!m) return;
    const kinds = Object.keys(m).filter((k) => k !== 'title' && k !== 'given');
    const title = r.string(m, p, 'title');
    const given = m.given === undefined ? undefined : r.strings(m, p, 'given');
    if (Array.isArray(m.given) && m.given.length === 0)
      r.error(join(p, 'given'), 'must hold at least one kubectl command line (or be left out)');
    if (kinds.length !== 1 || !GOAL_KINDS.includes(kinds[0] as GoalKind)) {
      r.error(
        p,
        kinds.length === 1
          ? `unknown goal kind ${JSON.stringify(kinds[0])} (one of ${GOAL_KINDS.join(', ')})`
          : `must hold a title, optionally given, and exactly one goal (one of ${GOAL_KINDS.join(', ')}); found ${kinds.length ? kinds.join(', ') : 'none'}`,
      );
      return;
    }
    const kind = kinds[0] as GoalKind;
    const goal = goalBody(r, kind, m[kind], join(p, kind));
    if (goal) out.push(given?.length ? { title, goal, given } : { title, goal });
  });
  return out;
}

function cluster(r: Reader, value: unknown): StartCluster {
  const m = r.map(value, 'cluster');
  if (!m) return { manifests: '', setup: [], networkPolicy: 'enforcing' };
  r.onlyKeys(m, 'cluster', ['manifests', 'setup', 'networkPolicy']);
  return {
    manifests: r.string(m, 'cluster', 'manifests', true),
    setup: m.setup === undefined ? [] : r.strings(m, 'cluster', 'setup'),
    networkPolicy: r.oneOf(
      m,
      'cluster',
      'networkPolicy',
      ['enforcing', 'not-enforcing'] as const,
      'enforcing',
    ),
  };
}

function predict(r: Reader, value: unknown): Predict | undefined {
  const m = r.map(value, 'predict', true);
  if (!m) return undefined;
  r.onlyKeys(m, 'predict', ['question', 'options', 'demo', 'demoExit', 'reveal', 'proof']);
  const options: PredictOption[] = [];
  r.list(m, 'predict', 'options').forEach((item, i) => {
    const p = `predict.options[${i}]`;
    const o = r.map(item, p);
    if (!o) return;
    r.onlyKeys(o, p, ['text', 'correct', 'why']);
    const opt: PredictOption = {
      text: r.markdown(o, p, 'text'),
      correct: r.boolean(o, p, 'correct'),
    };
    const why = r.markdown(o, p, 'why', true);
    if (why) opt.why = why;
    options.push(opt);
  });
  if (options.length < 2) r.error('predict.options', 'must offer at least two answers');
  if (!options.some((o) => o.correct))
    r.error('predict.options', 'must mark at least one answer correct: true');
  const p: Predict = {
    question: r.markdown(m, 'predict', 'question'),
    options,
    reveal: r.markdown(m, 'predict', 'reveal'),
    proof: goals(r, m, 'predict', 'proof', true),
  };
  const demo = r.string(m, 'predict', 'demo', true);
  if (demo) p.demo = demo;
  if (m.demoExit !== undefined) {
    p.demoExit = r.number(m, 'predict', 'demoExit');
    if (!demo) r.error('predict.demoExit', 'needs a demo command');
  }
  return p;
}

function task(r: Reader, value: unknown, path: string, seen: Set<string>): Task | undefined {
  const m = r.map(value, path);
  if (!m) return undefined;
  r.onlyKeys(m, path, ['id', 'title', 'description', 'goals', 'hints', 'solution']);
  const id = r.string(m, path, 'id');
  if (id && !ID.test(id))
    r.error(
      join(path, 'id'),
      `must be lowercase letters, digits and dashes (got ${JSON.stringify(id)})`,
    );
  if (id && seen.has(id)) r.error(join(path, 'id'), `duplicate task id ${JSON.stringify(id)}`);
  seen.add(id);
  const t: Task = {
    id,
    title: r.string(m, path, 'title'),
    description: r.markdown(m, path, 'description'),
    goals: goals(r, m, path, 'goals'),
    hints: r.strings(m, path, 'hints'),
    solution: r.strings(m, path, 'solution'),
  };
  // An over-broad fix must not pass: every must-reach goal has a must-not-reach partner.
  if (t.goals.some((g) => mustReach(g.goal)) && !t.goals.some((g) => mustNotReach(g.goal)))
    r.error(
      join(path, 'goals'),
      'a must-reach goal needs a must-not-reach goal beside it (e.g. an intruder with the same labels)',
    );
  if (Array.isArray(m.goals) && m.goals.length === 0)
    r.error(join(path, 'goals'), 'must hold at least one goal');
  if (Array.isArray(m.hints) && m.hints.length === 0)
    r.error(join(path, 'hints'), 'must hold at least one hint');
  t.hints.forEach((h, i) => {
    const tag = /<\/?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?\/?>/.exec(
      h.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, ''),
    );
    if (tag)
      r.error(`${join(path, 'hints')}[${i}]`, `raw HTML is not allowed in prose (found ${tag[0]})`);
  });
  if (Array.isArray(m.solution) && m.solution.length === 0)
    r.error(join(path, 'solution'), 'must hold at least one command');
  return t;
}

/** Turns parsed YAML into a Lesson, collecting every problem. */
export function readLesson(data: unknown, file: string): ParseResult {
  const r = new Reader(file);
  const m = r.map(data, '');
  if (!m) return { ok: false, errors: r.errors };
  r.onlyKeys(m, '', TOP_KEYS);
  const id = r.string(m, '', 'id');
  if (id && !ID.test(id))
    r.error('id', `must be lowercase letters, digits and dashes (got ${JSON.stringify(id)})`);
  const kind = r.oneOf(m, '', 'kind', LESSON_KINDS);
  const status = r.oneOf(m, '', 'status', ['ready', 'coming-soon'] as const, 'ready');
  const seen = new Set<string>();
  const tasks: Task[] = [];
  r.list(m, '', 'tasks', true).forEach((t, i) => {
    const parsed = task(r, t, `tasks[${i}]`, seen);
    if (parsed) tasks.push(parsed);
  });
  const lesson: Lesson = {
    id,
    file,
    kind,
    status,
    order: r.number(m, '', 'order'),
    title: r.string(m, '', 'title'),
    concept: r.markdown(m, '', 'concept'),
    prose: r.markdown(m, '', 'prose'),
    skills: m.skills === undefined ? [] : r.strings(m, '', 'skills'),
    covers: r.strings(m, '', 'covers'),
    cluster:
      (status === 'coming-soon' || TASKLESS.has(kind)) && m.cluster === undefined
        ? { manifests: '', setup: [], networkPolicy: 'enforcing' }
        : cluster(r, m.cluster),
    tasks,
    takeaway: r.markdown(m, '', 'takeaway'),
  };
  if (m.allowedCommands !== undefined) {
    const allowed = r.strings(m, '', 'allowedCommands');
    for (const [i, name] of allowed.entries())
      if (commandsAllowed([name]).unknown.length)
        r.error(`allowedCommands[${i}]`, `${JSON.stringify(name)} is not a kubectl command`);
    lesson.allowedCommands = allowed;
  }
  const p = predict(r, m.predict);
  if (p) lesson.predict = p;
  if (status === 'coming-soon') {
    if (tasks.length)
      r.error('tasks', 'a coming-soon lesson has no tasks (its goals would be fake)');
  } else {
    if (!TASKLESS.has(kind) && kind !== 'why' && tasks.length === 0)
      r.error('tasks', `a ${kind} needs at least one task`);
    if (kind === 'why' && tasks.length)
      r.error('tasks', 'a why question has no tasks: its prediction is the exercise');
    if (!TASKLESS.has(kind) && kind !== 'project' && !p)
      r.error('predict', `a ${kind} needs a predict-before-you-look question`);
    if ((kind === 'myth' || kind === 'why') && p && !p.demo)
      r.error(
        'predict.demo',
        `a ${kind === 'myth' ? 'myth-buster' : 'why question'} needs a demonstration command`,
      );
  }
  return r.errors.length ? { ok: false, errors: r.errors } : { ok: true, lesson };
}

/** Parses one lesson file's text (YAML). */
export function parseLesson(text: string, file: string): ParseResult {
  const parsed = parseYamlFile(text, file);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  return readLesson(parsed.data, file);
}

/** Cross-file checks: ids and orders unique within a folder. */
export function checkLessonSet(lessons: readonly Lesson[]): string[] {
  const errors: string[] = [];
  const ids = new Map<string, string>();
  const orders = new Map<number, string>();
  for (const l of lessons) {
    const other = ids.get(l.id);
    if (other) errors.push(`${l.file}: id: ${JSON.stringify(l.id)} is already used by ${other}`);
    else ids.set(l.id, l.file);
    const sameOrder = orders.get(l.order);
    if (sameOrder) errors.push(`${l.file}: order: ${l.order} is already used by ${sameOrder}`);
    else orders.set(l.order, l.file);
  }
  return errors;
}
