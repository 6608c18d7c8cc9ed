// Identity match of applicants against immigration records (R14), pure.
export * from './match.ts';
