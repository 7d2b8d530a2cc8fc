import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../../../src/engine/cluster/index.ts';

describe('manifest loading', () => {
  it('reads multi-document YAML, skipping empty documents as kubectl does, with each start line', () => {
    const r = loadManifests(
      '---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n---\n# only a comment\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n---\n',
      'f.yaml',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.objects.map((o) => [o.object.metadata.name, o.source.line])).toEqual([
      ['a', 2],
      ['b', 9],
    ]);
  });

  it('reads JSON and kind: List, giving each item its own position', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'j' } });
    expect(loadManifests(json, 'f.json')).toMatchObject({
      ok: true,
      objects: [{ object: { kind: 'Namespace' } }],
    });
    const list =
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: b}\n';
    const r = loadManifests(list, 'list.yaml');
    expect(
      r.ok && r.objects.map((o) => `${o.object.metadata.name}@${o.source.line}:${o.source.column}`),
    ).toEqual(['a@4:3', 'b@7:3']);
  });

  it('reads YAML 1.1 as kubectl does: a bare y is a boolean, a quoted "y" a string', () => {
    const r = loadManifests(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "y"\n  labels: {flag: y}\n',
      'f.yaml',
    );
    expect(r.ok && r.objects[0]!.object.metadata.name).toBe('y');
    expect(r.ok && (r.objects[0]!.object.metadata.labels as Record<string, unknown>).flag).toBe(
      true,
    );
  });

  it.each([
    [
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: [a\n',
      'error converting YAML to JSON: yaml: line',
    ],
    ['kind: Pod\nmetadata: {name: x}\n', 'error validating data: apiVersion not set'],
    ['apiVersion: v1\nmetadata: {name: x}\n', 'error validating data: kind not set'],
    ['- a\n- b\n', 'cannot unmarshal array into Go value'],
  ])('fails the whole file with a located message: %j', (text, expected) => {
    const r = loadManifests(text, 'bad.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain(expected);
    expect(r.error).toContain('bad.yaml');
    expect(r.source?.line).toBeGreaterThan(0);
  });
});
