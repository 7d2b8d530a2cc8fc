/**
 * The string form of label selectors used by `kubectl -l` (apimachinery labels.Parse):
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x,y)`, `a`, `!a`, joined by commas (AND).
 */
import type { LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { isQualifiedName, isValidLabelValue } from './names.ts';
import { type LabelPredicate, type Labels, requirementMatches } from './selector.ts';

export type ParsedSelector = { ok: true; matches: LabelPredicate } | { ok: false; error: string };

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function checkKey(key: string): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length
    ? `unable to parse requirement: <nil>: Invalid value: ${JSON.stringify(key)}: ${errs[0]}`
    : undefined;
}

function checkValue(value: string): string | undefined {
  const errs = isValidLabelValue(value);
  return errs.length
    ? `unable to parse requirement: values[0][${value}]: Invalid value: ${JSON.stringify(value)}: ${errs[0]}`
    : undefined;
}

/** Parses a `-l` selector string into a predicate, or kubectl's error text (without `error: `). */
export function parseSelectorString(input: string): ParsedSelector {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: true, matches: () => true };
  const reqs: LabelSelectorRequirement[] = [];
  const negatedEquals: Array<[string, string]> = [];
  for (const raw of splitTopLevel(trimmed)) {
    const part = raw.trim();
    if (part === '') return { ok: false, error: `found '', expected: identifier` };
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^(\S+?)\s+(in|notin)\s*\(([^)]*)\)$/))) {
      const values = m[3]!
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      const err = checkKey(m[1]!) ?? values.map(checkValue).find(Boolean);
      if (err) return { ok: false, error: err };
      reqs.push({ key: m[1]!, operator: m[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((m = part.match(/^([^=!\s]+)\s*!=\s*(\S*)$/))) {
      const err = checkKey(m[1]!) ?? checkValue(m[2]!);
      if (err) return { ok: false, error: err };
      negatedEquals.push([m[1]!, m[2]!]);
    } else if ((m = part.match(/^([^=!\s]+)\s*==?\s*(\S*)$/))) {
      const err = checkKey(m[1]!) ?? checkValue(m[2]!);
      if (err) return { ok: false, error: err };
      reqs.push({ key: m[1]!, operator: 'In', values: [m[2]!] });
    } else if ((m = part.match(/^!\s*([^=!\s()]+)$/))) {
      const err = checkKey(m[1]!);
      if (err) return { ok: false, error: err };
      reqs.push({ key: m[1]!, operator: 'DoesNotExist' });
    } else if ((m = part.match(/^([^=!\s()]+)$/))) {
      const err = checkKey(m[1]!);
      if (err) return { ok: false, error: err };
      reqs.push({ key: m[1]!, operator: 'Exists' });
    } else {
      return {
        ok: false,
        error: `unable to parse requirement: found '${part}', expected: ',' or 'end of string'`,
      };
    }
  }
  return {
    ok: true,
    matches: (labels: Labels | undefined) =>
      reqs.every((r) => requirementMatches(r, labels)) &&
      negatedEquals.every(([k, v]) => labels?.[k] !== v),
  };
}
