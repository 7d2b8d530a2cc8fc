/**
 * Field errors as the API server's validation reports them (apimachinery `field.Error`):
 * each names the field path, the kind of problem and, for invalid values, the value.
 */
export type FieldErrorType =
  'Invalid' | 'Required' | 'NotSupported' | 'Duplicate' | 'Forbidden' | 'NotFound' | 'TooLong';

/** One validation failure at one field path (`spec.ports[0].port`). */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  value?: unknown;
  detail?: string;
  /** For NotSupported: the values the field accepts. */
  supported?: readonly string[];
}

export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'Invalid', field, value, detail };
}

export function required(field: string, detail?: string): FieldError {
  return detail === undefined ? { type: 'Required', field } : { type: 'Required', field, detail };
}

export function notSupported(
  field: string,
  value: unknown,
  supported: readonly string[],
): FieldError {
  return { type: 'NotSupported', field, value, supported };
}

export function duplicate(field: string, value: unknown): FieldError {
  return { type: 'Duplicate', field, value };
}

export function forbidden(field: string, detail: string): FieldError {
  return { type: 'Forbidden', field, detail };
}

/** Formats a value the way apimachinery does in messages: strings quoted, numbers bare. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}

const typeWords: Record<FieldErrorType, string> = {
  Invalid: 'Invalid value',
  Required: 'Required value',
  NotSupported: 'Unsupported value',
  Duplicate: 'Duplicate value',
  Forbidden: 'Forbidden',
  NotFound: 'Not found',
  TooLong: 'Too long',
};

/** `spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive` */
export function formatFieldError(e: FieldError): string {
  const parts = [`${e.field}: ${typeWords[e.type]}`];
  if (
    e.type === 'Invalid' ||
    e.type === 'NotSupported' ||
    e.type === 'Duplicate' ||
    e.type === 'NotFound'
  ) {
    parts.push(formatValue(e.value));
  }
  if (e.type === 'NotSupported' && e.supported) {
    parts.push(`supported values: ${e.supported.map((s) => JSON.stringify(s)).join(', ')}`);
  }
  if (e.detail) parts.push(e.detail);
  return parts.join(': ');
}

/**
 * The message kubectl prints for an Invalid status from the API server:
 * one cause on one line, several as a bulleted list.
 */
export function formatInvalid(kind: string, name: string, errors: readonly FieldError[]): string {
  if (errors.length === 1)
    return `The ${kind} ${JSON.stringify(name)} is invalid: ${formatFieldError(errors[0]!)}`;
  return `The ${kind} ${JSON.stringify(name)} is invalid: \n${errors.map((e) => `* ${formatFieldError(e)}`).join('\n')}`;
}

/** Prefixes every error's field path (`metadata` + `.name`). */
export function under(prefix: string, errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, field: e.field ? `${prefix}.${e.field}` : prefix }));
}
