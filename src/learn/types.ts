/**
 * The lesson model: a lesson is data (lessons/*.yaml) — prose, a starting cluster, a
 * predict-before-you-look question, tasks whose goals are checks against the engine, hints in
 * order, a solution and the takeaway. Goals come from a closed vocabulary, one kind per engine
 * question, so an instructor's lesson is checked by the same code as ours.
 */

/**
 * What a file is: a Build-Up lesson, a fix-the-broken-cluster challenge, a myth-buster, an
 * expert-zone item, a short card, the Learn-mode overview, a Why-mode question (a prediction
 * proven on its cluster, no tasks) or a Project (a multi-check scenario without steps).
 */
export type LessonKind =
  'lesson' | 'challenge' | 'myth' | 'expert' | 'card' | 'overview' | 'why' | 'project';

/** Every kind, in the order the lesson list groups them. */
export const LESSON_KINDS: readonly LessonKind[] = [
  'overview',
  'why',
  'lesson',
  'myth',
  'expert',
  'card',
  'challenge',
  'project',
];

/** A lesson that is not written yet is listed as such, never faked. */
export type LessonStatus = 'ready' | 'coming-soon';

/** `namespace/name` of a pod. */
export type PodRef = string;

/**
 * How a request from a pod ends, in the learner's words (curl exit 0, 7, 28, 6); `fails` is
 * any ending but success, for a must-not-reach goal where the way it fails does not matter.
 */
export type ConnectExpect = 'succeeds' | 'refused' | 'times-out' | 'fails-dns' | 'fails';

/** A request from a pod to a URL (`http://db.data:5432`), as `kubectl exec … -- curl` makes it. */
export interface ConnectGoal {
  kind: 'connect';
  from: PodRef;
  url: string;
  expect: ConnectExpect;
}

/** A DNS lookup from a pod: NXDOMAIN, or an answer (optionally: the Service, pods, or records it must name). */
export interface ResolveGoal {
  kind: 'resolve';
  from: PodRef;
  name: string;
  type?: 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR';
  expect: 'nxdomain' | 'answer';
  /** `ns/name` of a Service whose ClusterIP must be among the answers. */
  service?: string;
  /** `ns/name` of pods whose IPs must be exactly the A answers (headless Services). */
  pods?: string[];
  /** Record data that must all be among the answers (`0 33 5432 pg-0.pg.data.svc.cluster.local`). */
  data?: string[];
}

/** Who an access question is about: a user, or a ServiceAccount as `namespace/name`. */
export interface Subject {
  user?: string;
  groups?: string[];
  serviceAccount?: string;
}

/** `kubectl auth can-i VERB RESOURCE -n NAMESPACE --as SUBJECT`: yes or no. */
export interface CanIGoal {
  kind: 'canI';
  subject: Subject;
  verb: string;
  resource: string;
  apiGroup?: string;
  subresource?: string;
  /** Omit (or '') for a cluster-wide question. */
  namespace?: string;
  expect: 'yes' | 'no';
}

/** A call to the API server from a pod with its own ServiceAccount: the network first, then RBAC. */
export interface ApiCallGoal {
  kind: 'apiCall';
  from: PodRef;
  verb: string;
  resource: string;
  apiGroup?: string;
  namespace?: string;
  /** 200, 403, or the API server not reachable at all. */
  expect: 'ok' | 'forbidden' | 'unreachable';
}

/** One cell of the NetworkPolicy truth table, or a row restricted to the pods listed. */
export interface ProbeGoal {
  kind: 'probe';
  from: PodRef;
  port: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  /** Pods the source must be allowed to reach. */
  allowed?: PodRef[];
  /** Pods the source must not be allowed to reach. */
  denied?: PodRef[];
}

/** Which objects a goal is about. */
export interface ObjectSelector {
  kind: string;
  namespace?: string;
  name?: string;
}

/** An object exists (or not) with the given field values (dotted paths; arrays match as subsets). */
export interface ObjectGoal {
  kind: 'exists' | 'matches';
  object: ObjectSelector;
  fields?: Record<string, unknown>;
  /** For `exists`: `absent` means no such object may exist. */
  expect?: 'present' | 'absent';
}

/** Objects the learner must not touch (labels and spec compared with the starting cluster). */
export interface UnchangedGoal {
  kind: 'unchanged';
  object: ObjectSelector;
  /** Paths compared; default `metadata.labels` and `spec`. */
  fields?: string[];
}

export type Goal =
  ConnectGoal | ResolveGoal | CanIGoal | ApiCallGoal | ProbeGoal | ObjectGoal | UnchangedGoal;

export type GoalKind = Goal['kind'];

/** A goal as written in a lesson, with the sentence the learner sees. */
export interface LessonGoal {
  goal: Goal;
  /** What must hold, in words ("shop/client reaches db.data:5432"). */
  title: string;
  /**
   * kubectl command lines run on a copy of the learner's cluster before this goal is checked
   * (a grader's "then a new tenant arrives"); the learner's cluster is never changed.
   */
  given?: string[];
}

/** One answer of a predict question. */
export interface PredictOption {
  text: string;
  correct: boolean;
  /** Why this answer is right or wrong (shown after the reveal). */
  why?: string;
}

/** "Before you look, commit to an answer", then the simulator shows the truth. */
export interface Predict {
  question: string;
  options: PredictOption[];
  /** A command the learner runs to see the answer for themselves. */
  demo?: string;
  /** The demo's exit code on the starting cluster (proven by `lessons verify`). */
  demoExit?: number;
  /** Markdown shown after the learner commits. */
  reveal: string;
  /** Goals that hold on the starting cluster exactly when the correct option is correct. */
  proof: LessonGoal[];
}

export interface Task {
  id: string;
  title: string;
  /** Markdown. */
  description: string;
  goals: LessonGoal[];
  /** The ladder, in order: nudge → concept → partial YAML; the full solution comes last. */
  hints: string[];
  /** Commands in the learner's kubectl syntax (here-documents allowed), run in order. */
  solution: string[];
}

/** The starting cluster: manifests applied to a fresh cluster, then setup commands. */
export interface StartCluster {
  manifests: string;
  setup: string[];
  networkPolicy: 'enforcing' | 'not-enforcing';
}

export interface Lesson {
  id: string;
  /** The file it came from (for messages). */
  file: string;
  kind: LessonKind;
  status: LessonStatus;
  order: number;
  title: string;
  /** One sentence: the idea this lesson teaches. */
  concept: string;
  /** Markdown (no raw HTML). */
  prose: string;
  skills: string[];
  /** Which tutorial items this file covers (for the coverage table). */
  covers: string[];
  cluster: StartCluster;
  /**
   * The kubectl commands the terminal offers while the lesson runs (by name or alias); the
   * rest answer as kubectl answers an unknown command. Absent: all of kubectl.
   */
  allowedCommands?: string[];
  predict?: Predict;
  tasks: Task[];
  takeaway: string;
}
