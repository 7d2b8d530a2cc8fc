/** The engine's public surface: every folder's own surface, in the engine's layer order. */
export * from './model.ts';
export * from './kubectl/index.ts';
