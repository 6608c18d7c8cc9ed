// Presence calculation (s 8(2)(b) Citizenship Act 1977), pure: see calculate.ts for the rules.
export * from './epoch-day.ts';
export * from './exceptions.ts';
export * from './options.ts';
export * from './calculate.ts';
export * from './contract.ts';
export * from './scan-request.ts';
export * from './response-bytes.ts';
