// Shared test setup. Component tests add jsdom per file (// @vitest-environment jsdom).
export {};
