/**
 * Every use case of pono in one object, built by the composition root (src/main/services.ts) over one database,
 * one job queue and one clock. The HTTP, SOAP and CLI adapters take what they need from it.
 */
import type { DatabaseHandle } from './ports/database.ts';
import type { RunningJobQueue } from './ports/job-queue.ts';
import type { Logger } from './ports/logger.ts';
import type { Accounts } from './accounts.ts';
import type { Clock } from './clock.ts';
import type { Registry } from './registry.ts';
import type { WebhookDeliveries } from './webhook-deliveries.ts';
import type { RuleSets } from './rule-sets.ts';
import type { VerificationUseCases } from './verification.ts';
import type { Casework } from './casework/casework.ts';
import type { LivenessSessions } from './liveness-sessions.ts';
import type { RecordsUseCases } from './records.ts';
import type { EvidenceRetention } from './evidence-retention.ts';
import type { Branding } from '../config/branding.ts';
import type { DocumentCaptures } from './document-captures.ts';
import type { CaseworkDocumentChecks } from './casework/document-checks.ts';
import type { FormsUseCases } from './forms.ts';
import type { ManualReviewUseCases } from './forms-manual-review.ts';

export interface Services {
  database: DatabaseHandle;
  logger: Logger;
  clock: Clock;
  queue: RunningJobQueue;
  health: { kind: string; check(): Promise<void> };
  accounts: Accounts;
  ruleSets: RuleSets;
  registry: Registry;
  verifications: VerificationUseCases;
  /** The forms integration (seed 001): one-call service, tamper check, browser tokens. */
  forms: FormsUseCases;
  /** Manual verification of a form's person: scans, the administrators' queue, the decision. */
  manualReviews: ManualReviewUseCases;
  /** An account's webhook deliveries: listed with their last error, and retried. */
  webhookDeliveries: WebhookDeliveries;
  casework: Casework;
  liveness: LivenessSessions;
  /** Identity documents captured for a verification (seed 003 combination sources). */
  documents: DocumentCaptures;
  /** The same document check run on a casework passport image (issue 15). */
  documentChecks: CaseworkDocumentChecks;
  /** Immigration records (SPEC P3): store, identity match and the INZ-results assessment. */
  records: RecordsUseCases;
  /** Deletes liveness evidence past its retention period (nightly job). */
  retention: EvidenceRetention;
  /** The office's name and logo (PONO_OFFICE_NAME, PONO_OFFICE_LOGO). */
  branding: Branding;
  close(): Promise<void>;
}
