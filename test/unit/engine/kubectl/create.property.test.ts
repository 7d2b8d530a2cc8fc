/**
 * Properties of the create generators: the byte helpers agree with Node's own base64 and
 * SHA-256 for any text; and for any valid name and port list, `create service clusterip`
 * stores exactly the Service its `--dry-run=client -o yaml` printed (plus server fields).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster, getObject, loadManifests } from '../../../../src/engine/cluster/index.ts';
import { runKubectl } from '../../../../src/engine/kubectl/index.ts';
import { base64Text, sha256Hex } from '../../../../src/engine/kubectl/commands/create/encoding.ts';

describe('encoding helpers match Node', () => {
  it('base64 of UTF-8 text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(base64Text(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
      }),
    );
  });
  it('SHA-256 hex', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
    );
  });
});

const dns1035 = fc
  .tuple(
    fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
    fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), { maxLength: 20 }),
    fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
  )
  .map(([a, mid, z]) => `${a}${mid.join('')}${z}`);

describe('create service clusterip', () => {
  it('stores what the dry run printed', () => {
    const base = createCluster();
    fc.assert(
      fc.property(
        dns1035,
        fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 65535 }),
        (name, ports, target) => {
          const tcp = ports.map((p, i) => (i === 0 ? `--tcp=${p}:${target}` : `--tcp=${p}`));
          const dry = runKubectl(base, [
            'create',
            'service',
            'clusterip',
            name,
            ...tcp,
            '--dry-run=client',
            '-o',
            'yaml',
          ]);
          expect(dry.exitCode, dry.stderr).toBe(0);
          const loaded = loadManifests(dry.stdout, 'dry.yaml');
          expect(loaded.ok).toBe(true);
          const printed = loaded.ok ? loaded.objects[0]!.object : undefined;
          const real = runKubectl(base, ['create', 'service', 'clusterip', name, ...tcp]);
          expect(real.stdout).toBe(`service/${name} created\n`);
          const stored = getObject<{ spec: { ports: unknown[]; selector: unknown } }>(
            real.state,
            'Service',
            'default',
            name,
          )!;
          const spec = printed!.spec as {
            ports: Array<Record<string, unknown>>;
            selector: unknown;
          };
          expect(stored.spec.selector).toEqual(spec.selector);
          expect(stored.spec.ports).toEqual(spec.ports);
          expect(stored.metadata.labels).toEqual({ app: name });
        },
      ),
      { numRuns: 60 },
    );
  });
});
