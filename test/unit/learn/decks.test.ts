/**
 * The flashcard decks in lessons/decks: every card validates and its answer is proven by the
 * engine on its lesson's cluster (pedagogy §5.4 item 13; SESSION2: answers come from the
 * engine). Each proof goal is decisive — its negation fails on the same cluster — so a card
 * cannot pass by asserting something vacuous. `nslab lessons verify` reports a failing card.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGoals, parseLesson, type Goal, type Lesson } from '../../../src/learn/index.ts';
import {
  cardCluster,
  checkDeckSet,
  deckCards,
  parseDeck,
  verifyDeck,
  type Deck,
} from '../../../src/learn/deck.ts';
import { verifyLessonFiles } from '../../../src/cli/lessons.ts';
import { loadDeck } from '../../../src/content/index.ts';

const lessons: Lesson[] = readdirSync('lessons')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parseLesson(readFileSync(join('lessons', f), 'utf8'), f))
  .flatMap((r) => (r.ok ? [r.lesson] : []));

const DIR = 'lessons/decks';
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const decks: Deck[] = files.flatMap((f) => {
  const r = parseDeck(readFileSync(join(DIR, f), 'utf8'), join(DIR, f));
  return r.deck ? [r.deck] : [];
});

/** The opposite claim, where the vocabulary has one (exists/matches/unchanged have none here). */
function negate(g: Goal): Goal | undefined {
  switch (g.kind) {
    case 'connect':
      return { ...g, expect: g.expect === 'succeeds' ? 'fails' : 'succeeds' };
    case 'resolve':
      return g.expect === 'answer'
        ? { kind: 'resolve', from: g.from, name: g.name, type: g.type ?? 'A', expect: 'nxdomain' }
        : { ...g, expect: 'answer' };
    case 'canI':
      return { ...g, expect: g.expect === 'yes' ? 'no' : 'yes' };
    case 'apiCall':
      return { ...g, expect: g.expect === 'ok' ? 'forbidden' : 'ok' };
    case 'probe': {
      const n: Goal = { ...g };
      delete n.allowed;
      delete n.denied;
      if (g.denied) n.allowed = g.denied;
      if (g.allowed) n.denied = g.allowed;
      return n;
    }
    default:
      return undefined;
  }
}

describe.each(files)('deck %s', (file) => {
  const path = join(DIR, file);
  const parsed = parseDeck(readFileSync(path, 'utf8'), path);

  it('validates', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.failed).toBe(0);
  });
  if (!parsed.deck) return;
  const deck = parsed.deck;

  it("every card's proof holds on its lesson's cluster", () => {
    expect(deck.cards.length).toBeGreaterThan(0);
    expect(verifyDeck(deck, lessons).problems).toEqual([]);
  });

  it.each(deck.cards.map((c) => [c.id, c] as const))(
    '%s: each proof goal is decisive (its negation fails)',
    (_id, card) => {
      const built = cardCluster(card.proof, lessons);
      if (!built.ok) throw new Error(built.error);
      let negated = 0;
      for (const g of card.proof.goals) {
        const n = negate(g.goal);
        if (!n) continue;
        negated++;
        const [r] = checkGoals(built.state, [{ title: g.title, goal: n }], built.start);
        expect(r!.result.pass, `negation of "${g.title}" also holds`).toBe(false);
      }
      // Every card proves at least one behaviour, not only the shape of an object.
      expect(negated).toBeGreaterThan(0);
    },
  );
});

describe('the deck set', () => {
  it('has about twenty cards, unique deck ids, and card ids unique as deck/card', () => {
    const cards = decks.flatMap(deckCards);
    expect(cards.length).toBeGreaterThanOrEqual(20);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
    expect(checkDeckSet(decks)).toEqual([]);
  });

  // The topics the brief names (pedagogy §5.4 item 8 and the §5.3 pitfalls).
  it.each([
    'dns.fqdn',
    'dns.search-list',
    'dns.headless',
    'dns.srv',
    'service.externalname',
    'netpol.and-or',
    'netpol.namespaceSelector',
    'netpol.dns-egress',
    'netpol.targetPort',
    'netpol.egress',
    'rbac.binding-scope',
    'rbac.serviceaccount-subject',
  ])('practises %s', (skill) => {
    expect(decks.flatMap((d) => d.cards).some((c) => c.skill === skill)).toBe(true);
  });

  it('the app bundles the same decks', () => {
    const bundled = loadDeck();
    expect(bundled.errors).toEqual([]);
    expect(bundled.decks.flatMap(deckCards).map((c) => c.id)).toEqual(
      decks.flatMap(deckCards).map((c) => c.id),
    );
  });
});

describe('deck validation', () => {
  const good = readFileSync(join(DIR, files[0]!), 'utf8');

  it.each([
    [
      'an unknown field',
      { id: 'd', title: 'T', cards: [{ id: 'c', skill: 'x.y', front: 'f', back: 'b', answer: 1 }] },
      [
        'd.yaml: cards[0].answer: unknown field (allowed: id, skill, front, back, demo, demoExit, proof)',
        'd.yaml: cards[0].proof: is required',
      ],
    ],
    [
      'an empty goal list and a bad id',
      {
        id: 'd',
        title: 'T',
        cards: [
          { id: 'Bad_Id', skill: 'x', front: 'f', back: 'b', proof: { lesson: 'l', goals: [] } },
        ],
      },
      [
        'd.yaml: cards[0].id: must be lowercase letters, digits and dashes (got "Bad_Id")',
        'd.yaml: cards[0].proof.goals: must hold at least one goal (the answer, proven)',
      ],
    ],
    [
      'a demo without its exit code',
      {
        id: 'd',
        title: 'T',
        cards: [
          {
            id: 'c',
            skill: 'x',
            front: 'f',
            back: 'b',
            demo: 'kubectl get pods',
            proof: { lesson: 'l', goals: [{ title: 't', canI: { bogus: 1 } }] },
          },
        ],
      },
      [
        'd.yaml: cards[0].proof.goals[0].canI.bogus: unknown field (allowed: subject, verb, resource, apiGroup, subresource, namespace, expect)',
      ],
    ],
  ])('%s: file: field: problem', async (_name, data, expected) => {
    const { readDeck } = await import('../../../src/learn/deck.ts');
    const r = readDeck(data, 'd.yaml');
    for (const e of expected) expect(r.errors).toContain(e);
    expect(r.failed).toBe(1);
  });

  it('reports invalid YAML with its position', () => {
    const r = parseDeck('id: d\ncards: [\n', 'd.yaml');
    expect(r.errors[0]).toMatch(/^d\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('a proof on a lesson that does not exist fails verification', () => {
    const r = parseDeck(good.replace(/lesson: [a-z-]+/, 'lesson: no-such-lesson'), 'x.yaml');
    expect(r.deck).toBeDefined();
    const v = verifyDeck(r.deck!, lessons);
    expect(v.failed).toBe(1);
    expect(v.problems[0]).toBe(
      'x.yaml: cards[0].proof.lesson: no ready lesson has the id "no-such-lesson"',
    );
  });
});

describe('nslab lessons verify with decks', () => {
  const lesson3 = readFileSync('lessons/03-across-namespaces.yaml', 'utf8');
  const dns = readFileSync(join(DIR, 'dns.yaml'), 'utf8');

  it('counts a deck file with the lesson files and the cards on stderr', () => {
    const out = verifyLessonFiles({ 'x/03.yaml': lesson3, 'x/decks/dns.yaml': dns });
    const lines = out.stdout.trimEnd().split('\n');
    // The dns deck also uses the headless lesson, absent here: those cards fail.
    const headless = parseDeck(dns, 'x').deck!.cards.filter(
      (c) => c.proof.lesson !== 'reaching-across-namespaces',
    ).length;
    const total = parseDeck(dns, 'x').deck!.cards.length;
    // stdout: one line per failing card, then the totals (the deck file failed).
    expect(lines).toHaveLength(headless + 1);
    expect(lines.slice(0, -1).every((l) => l.startsWith('x/decks/dns.yaml: cards['))).toBe(true);
    expect(lines[lines.length - 1]).toBe('1 lessons verified, 1 failed');
    expect(out.stderr).toBe(`${total - headless} flashcards verified, ${headless} failed\n`);
    expect(out.exitCode).toBe(1);
  });

  it('reports a card whose proof fails, one line per failure, and exits 1', () => {
    const broken = dns.replace(
      '{ from: shop/client, name: db, expect: nxdomain }',
      '{ from: shop/client, name: db, expect: answer }',
    );
    expect(broken).not.toBe(dns);
    const out = verifyLessonFiles({
      'x/03.yaml': lesson3,
      'x/30.yaml': readFileSync('lessons/30-expert-headless-srv.yaml', 'utf8'),
      'x/decks/dns.yaml': broken,
    });
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^x\/decks\/dns\.yaml: cards\[1\]\.proof\.goals\[0\] \(db does not resolve from shop\) does not hold: /,
      ),
      '2 lessons verified, 1 failed',
    ]);
    expect(out.stderr).toMatch(/^\d+ flashcards verified, 1 failed\n$/);
    expect(lines[0]).toContain('NXDOMAIN');
    expect(out.exitCode).toBe(1);
  });

  it('without a decks folder the output is the lessons line alone', () => {
    const out = verifyLessonFiles({ 'x/03.yaml': lesson3 });
    expect(out.stdout).toBe('1 lessons verified, 0 failed\n');
    expect(out.stderr).toBe('');
    expect(out.exitCode).toBe(0);
  });

  it('a deck proven in full counts as one more verified file', () => {
    const out = verifyLessonFiles({
      'x/03.yaml': lesson3,
      'x/30.yaml': readFileSync('lessons/30-expert-headless-srv.yaml', 'utf8'),
      'x/decks/dns.yaml': dns,
    });
    expect(out.stdout).toBe('3 lessons verified, 0 failed\n');
    expect(out.exitCode).toBe(0);
  });
});
