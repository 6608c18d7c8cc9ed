// The face tests' images and synthetic attempts: built from public-domain portraits in Debian packages by
// src/adapters/face/synthetic-faces.ts (the demo's liveness check uses the same frames).
export * from '../../../src/adapters/face/synthetic-faces.ts';
