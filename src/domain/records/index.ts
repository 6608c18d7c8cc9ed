// Immigration records (SPEC P3), pure: the model, what is derived from it, the officer-facing result, and
// a deterministic synthetic generator.
export * from './model.ts';
export * from './derive.ts';
export * from './result.ts';
export * from './generator.ts';
export * from './by-document.ts';
