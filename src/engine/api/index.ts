/** The API's vocabulary: the kinds served, field errors, references to objects. */
export * from './kinds.ts';
export * from './field-error.ts';
export * from './object-ref.ts';
