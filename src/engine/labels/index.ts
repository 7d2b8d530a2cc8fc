export * from './names.ts';
export * from './selector.ts';
export * from './selector-string.ts';
export * from './format.ts';
