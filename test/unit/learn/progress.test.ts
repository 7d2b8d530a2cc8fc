/** Mastery per skill (Khan's ladder, pedagogy §5.4): familiar, proficient, mastered only in a later review. */
import { describe, expect, it } from 'vitest';
import {
  calibration,
  creditTasks,
  emptyProgress,
  lessonProgress,
  parseProgress,
  recordPrediction,
  recordSolutionShown,
  recordSolved,
  skillMastery,
} from '../../../src/learn/index.ts';

const ev = { lessonId: 'l', taskId: 't', skills: ['dns.fqdn'], at: 1 };

describe('mastery', () => {
  it('solved with hints is familiar; without, proficient', () => {
    expect(skillMastery(recordSolved(emptyProgress(), { ...ev, hintsUsed: 2 }), 'dns.fqdn')).toBe(
      'familiar',
    );
    expect(skillMastery(recordSolved(emptyProgress(), { ...ev, hintsUsed: 0 }), 'dns.fqdn')).toBe(
      'proficient',
    );
  });
  it('mastered only when right again in a later review', () => {
    const p = recordSolved(emptyProgress(), { ...ev, hintsUsed: 0 });
    expect(skillMastery(recordSolved(p, { ...ev, hintsUsed: 0, at: 1 }), 'dns.fqdn')).toBe(
      'proficient',
    );
    expect(
      skillMastery(recordSolved(p, { ...ev, hintsUsed: 0, at: 5, review: true }), 'dns.fqdn'),
    ).toBe('mastered');
  });
  it('a review needing hints drops back to familiar', () => {
    let p = recordSolved(emptyProgress(), { ...ev, hintsUsed: 0 });
    p = recordSolved(p, { ...ev, hintsUsed: 0, at: 5, review: true });
    expect(
      skillMastery(recordSolved(p, { ...ev, hintsUsed: 1, at: 9, review: true }), 'dns.fqdn'),
    ).toBe('familiar');
  });
  it('a shown solution is seen, not solved, and earns no level beyond attempted', () => {
    const p = recordSolutionShown(emptyProgress(), ev);
    expect(p.tasks['l/t']!.status).toBe('seen');
    expect(skillMastery(p, 'dns.fqdn')).toBe('attempted');
    // Meeting the goals afterwards (the solution applied them) does not turn it into solved.
    const q = recordSolved(p, { ...ev, hintsUsed: 0, at: 2 });
    expect(q.tasks['l/t']!.status).toBe('seen');
    expect(lessonProgress(q, { id: 'l', tasks: [{ id: 't' }, { id: 'u' }] })).toEqual({
      solved: 0,
      seen: 1,
      total: 2,
      done: false,
    });
  });
});

describe('parseProgress', () => {
  it('round-trips', () => {
    const p = recordSolved(emptyProgress(), { ...ev, hintsUsed: 1 });
    expect(parseProgress(JSON.stringify(p)).progress).toEqual(p);
  });
  it.each([['{not json'], ['{"version":9}'], ['[]']])(
    'corrupt input %s is reported, not thrown',
    (text) => {
      const r = parseProgress(text);
      expect(r.error).toBeTruthy();
      expect(r.progress).toEqual(emptyProgress());
    },
  );
});

describe('calibration of predictions', () => {
  it('counts right answers overall and per stated confidence', () => {
    let p = emptyProgress();
    p = recordPrediction(p, 'a', 0, true, 'sure');
    p = recordPrediction(p, 'b', 1, false, 'sure');
    p = recordPrediction(p, 'c', 2, true, 'guess');
    p = recordPrediction(p, 'd', 0, false);
    const c = calibration(p);
    expect([c.right, c.total]).toEqual([2, 4]);
    expect(c.byConfidence).toEqual({
      sure: { right: 1, total: 2 },
      think: { right: 0, total: 0 },
      guess: { right: 1, total: 1 },
    });
  });

  it('keeps the confidence through saving, and drops an unknown one', () => {
    const p = recordPrediction(emptyProgress(), 'a', 1, true, 'think');
    expect(parseProgress(JSON.stringify(p)).progress).toEqual(p);
    const odd = JSON.stringify({
      ...p,
      predictions: { a: { ...p.predictions.a, confidence: 'very' } },
    });
    expect(parseProgress(odd).progress.predictions.a).toEqual({ choice: 1, correct: true });
  });
});

describe('creditTasks', () => {
  const lesson = { id: 'l', skills: ['dns.fqdn'] };
  it('credits a task the first time its goals all hold, with the hints it took', () => {
    const p = creditTasks(emptyProgress(), lesson, ['a'], { a: 2 }, 10);
    expect(p.tasks['l/a']).toEqual({ status: 'solved', hintsUsed: 2, at: 10 });
    expect(p.skills['dns.fqdn']?.level).toBe('familiar');
  });
  it('keeps earned credit as it was: a later check neither removes nor re-records it', () => {
    const once = creditTasks(emptyProgress(), lesson, ['a'], {}, 10);
    expect(creditTasks(once, lesson, [], {}, 20)).toBe(once);
    expect(creditTasks(once, lesson, ['a'], { a: 3 }, 20)).toBe(once);
  });
  it('leaves a task seen through its solution as seen', () => {
    const seen = recordSolutionShown(emptyProgress(), {
      lessonId: 'l',
      taskId: 'a',
      skills: lesson.skills,
      at: 1,
    });
    expect(creditTasks(seen, lesson, ['a'], {}, 5)).toBe(seen);
  });
});
