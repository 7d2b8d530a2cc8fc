/** ObjectMeta validation shared by every kind (apimachinery ValidateObjectMeta). */
import { invalid, required, type FieldError, type KindInfo } from '../../api/index.ts';
import {
  isDNS1123Label,
  isQualifiedName,
  validateLabels,
  validateNameByRule,
} from '../../labels/index.ts';
import type { KubeObject } from '../types.ts';

export function validateObjectMeta(obj: KubeObject, info: KindInfo): FieldError[] {
  const errs: FieldError[] = [];
  const meta = obj.metadata;
  if (typeof meta?.name !== 'string' || meta.name === '') {
    errs.push(required('metadata.name', 'name or generateName is required'));
  } else {
    for (const m of validateNameByRule(info.nameRule, meta.name))
      errs.push(invalid('metadata.name', meta.name, m));
  }
  if (info.namespaced && meta?.namespace !== undefined) {
    for (const m of isDNS1123Label(meta.namespace))
      errs.push(invalid('metadata.namespace', meta.namespace, m));
  }
  errs.push(...validateLabels(meta?.labels, 'metadata.labels'));
  const annotations = meta?.annotations;
  if (annotations !== undefined && annotations !== null) {
    if (typeof annotations !== 'object' || Array.isArray(annotations)) {
      errs.push(
        invalid(
          'metadata.annotations',
          annotations,
          'must be a map of string keys to string values',
        ),
      );
    } else {
      for (const [k, v] of Object.entries(annotations)) {
        for (const m of isQualifiedName(k.toLowerCase()))
          errs.push(invalid('metadata.annotations', k, m));
        if (typeof v !== 'string')
          errs.push(invalid(`metadata.annotations[${k}]`, v, 'must be a string'));
      }
    }
  }
  return errs;
}
