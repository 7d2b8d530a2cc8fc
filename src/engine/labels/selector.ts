/**
 * Label selectors (metav1.LabelSelector): `matchLabels` and `matchExpressions` are ANDed;
 * an empty selector matches everything; operators In, NotIn, Exists, DoesNotExist.
 */
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { forbidden, invalid, required, type FieldError } from '../api/index.ts';
import { isQualifiedName, isValidLabelValue } from './names.ts';

export type Labels = Readonly<Record<string, string>>;

/** A compiled selector: a predicate over a label set. */
export type LabelPredicate = (labels: Labels | undefined) => boolean;

const matchAll: LabelPredicate = () => true;

/** True when the requirement holds for the labels (apimachinery labels.Requirement.Matches). */
export function requirementMatches(
  req: LabelSelectorRequirement,
  labels: Labels | undefined,
): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = has ? labels![req.key] : undefined;
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(value!);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false; // validation rejects unknown operators before they get here
  }
}

/** Compiles a LabelSelector; `{}` (and an absent selector where the API says "all") match everything. */
export function compileLabelSelector(selector: LabelSelector | undefined | null): LabelPredicate {
  if (!selector) return matchAll;
  const pairs = Object.entries(selector.matchLabels ?? {});
  const exprs = selector.matchExpressions ?? [];
  if (pairs.length === 0 && exprs.length === 0) return matchAll;
  return (labels) => {
    for (const [k, v] of pairs) {
      if (labels === undefined || labels[k] !== v) return false;
    }
    for (const e of exprs) {
      if (!requirementMatches(e, labels)) return false;
    }
    return true;
  };
}

/** One-off match of a LabelSelector against labels. */
export function selectorMatches(
  selector: LabelSelector | undefined | null,
  labels: Labels | undefined,
): boolean {
  return compileLabelSelector(selector)(labels);
}

/** A Service-style equality selector (`spec.selector`): every pair must match; empty matches nothing here. */
export function mapSelectorMatches(
  selector: Labels | undefined,
  labels: Labels | undefined,
): boolean {
  if (!selector) return false;
  const entries = Object.entries(selector);
  if (entries.length === 0) return false;
  return entries.every(([k, v]) => labels !== undefined && labels[k] === v);
}

/** True when the selector is empty (`{}`) and so selects everything. */
export function isEmptySelector(selector: LabelSelector | undefined | null): boolean {
  return (
    !!selector &&
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0
  );
}

/** Validates a label map (metadata.labels, matchLabels). */
export function validateLabels(labels: unknown, field: string): FieldError[] {
  if (labels === undefined || labels === null) return [];
  if (typeof labels !== 'object' || Array.isArray(labels)) {
    return [invalid(field, labels, 'must be a map of string keys to string values')];
  }
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels as Record<string, unknown>)) {
    for (const m of isQualifiedName(k)) errs.push(invalid(field, k, m));
    if (typeof v !== 'string') {
      errs.push(invalid(`${field}[${k}]`, v, 'must be a string'));
      continue;
    }
    for (const m of isValidLabelValue(v)) errs.push(invalid(field, v, m));
  }
  return errs;
}

const operators = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** Validates a LabelSelector as metav1validation.ValidateLabelSelector does. */
export function validateLabelSelector(selector: unknown, field: string): FieldError[] {
  if (selector === undefined || selector === null) return [];
  if (typeof selector !== 'object' || Array.isArray(selector)) {
    return [invalid(field, selector, 'must be a label selector object')];
  }
  const sel = selector as LabelSelector;
  const errs = validateLabels(sel.matchLabels, `${field}.matchLabels`);
  const exprs = sel.matchExpressions ?? [];
  if (!Array.isArray(exprs))
    return [...errs, invalid(`${field}.matchExpressions`, exprs, 'must be a list')];
  exprs.forEach((e, i) => {
    const f = `${field}.matchExpressions[${i}]`;
    if (typeof e !== 'object' || e === null) {
      errs.push(invalid(f, e, 'must be a label selector requirement'));
      return;
    }
    const values = e.values ?? [];
    if (!operators.includes(e.operator)) {
      errs.push(invalid(`${f}.operator`, e.operator, 'not a valid selector operator'));
    } else if ((e.operator === 'In' || e.operator === 'NotIn') && values.length === 0) {
      errs.push(required(`${f}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && values.length > 0) {
      errs.push(
        forbidden(
          `${f}.values`,
          "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        ),
      );
    }
    if (typeof e.key !== 'string') errs.push(required(`${f}.key`));
    else for (const m of isQualifiedName(e.key)) errs.push(invalid(`${f}.key`, e.key, m));
  });
  return errs;
}
