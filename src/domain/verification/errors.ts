import type { FieldProblem } from './types.ts';

/**
 * Fault codes, named as greenID names its faults (research §2.8). `SourceNotAvailableFault` is ours:
 * greenID's code for "source not available / already passed" was not retrieved (research §8 q2).
 */
export const FAULT_CODES = [
  'FieldValidationFault',
  'InvalidSourceIdFault',
  'SourceNotAvailableFault',
  'UserIdNotFoundFault',
  'SystemFault',
] as const;
export type FaultCode = (typeof FAULT_CODES)[number];

export class VerificationError extends Error {
  readonly code: FaultCode;
  readonly problems: FieldProblem[];

  constructor(code: FaultCode, message: string, problems: FieldProblem[] = []) {
    super(message);
    this.name = 'VerificationError';
    this.code = code;
    this.problems = problems;
  }

  /** greenID's FieldValidationFault: faultstring `Invalid input field(s) - <labels>`, one detail per line. */
  static fieldValidation(problems: FieldProblem[]): VerificationError {
    const labels = [...new Set(problems.map((p) => p.label))].join(', ');
    return new VerificationError('FieldValidationFault', `Invalid input field(s) - ${labels}`, problems);
  }

  /** The fault's `details` text: one message per line. */
  get details(): string {
    return this.problems.length > 0 ? this.problems.map((p) => p.message).join('\n') : this.message;
  }
}
