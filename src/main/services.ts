/**
 * The composition root: builds the adapters (job queue, mailers, INZ notifier, webhook sender, records store,
 * face and document engines) over one database and one clock, hands them to the use cases, and returns every
 * use case in one object (src/app/services.ts) for the HTTP, SOAP and CLI edges.
 */
import { sql } from 'kysely';
import type { Database } from '../adapters/db/database.ts';
import { JobQueue } from '../adapters/jobs/job-queue.ts';
import type { Logger } from '../adapters/log/logger.ts';
import { deliverWebhook, type WebhookJob } from '../adapters/webhook/webhook-sender.ts';
import { Accounts } from '../app/accounts.ts';
import { parseAsOf, ShiftedClock, systemClock, type Clock } from '../app/clock.ts';
import { Registry } from '../app/registry.ts';
import { WebhookDeliveries } from '../app/webhook-deliveries.ts';
import { immigrationCandidates } from '../app/immigration-registry.ts';
import { RuleSets } from '../app/rule-sets.ts';
import { VerificationUseCases, WEBHOOK_QUEUE, WEBHOOK_RETRY_LIMIT } from '../app/verification.ts';
import { Casework, caseworkOptionsFrom } from '../app/casework/casework.ts';
import type { Services } from '../app/services.ts';
import { createInzNotifier } from '../adapters/webhook/inz-notifier.ts';
import { LivenessSessions } from '../app/liveness-sessions.ts';
import { RecordsUseCases } from '../app/records.ts';
import { RecordsStore } from '../adapters/records/store.ts';
import { EvidenceRetention, EVIDENCE_RETENTION_QUEUE } from '../app/evidence-retention.ts';
import type { Config } from '../config/config.ts';
import { brandingFrom } from '../config/branding.ts';
import { createAnalysisPool } from '../adapters/face/analysis-pool.ts';
import { loadFaceAnalyser } from '../adapters/face/face-analyser.ts';
import { createDocumentPool } from '../adapters/documents/document-pool.ts';
import { captureStore } from '../adapters/documents/capture-store.ts';
import { SqlDocumentCheckStore } from '../adapters/documents/document-check-store.ts';
import { DocumentCaptures } from '../app/document-captures.ts';
import { CaseworkDocumentChecks } from '../app/casework/document-checks.ts';
import { DEFAULT_CALIBRATION } from '../domain/liveness/calibration/index.ts';
import { DEFAULT_FACE_MATCH_THRESHOLD } from '../domain/documents/face-score.ts';
import { createMailer } from '../adapters/mail/mailer.ts';
import { FormsUseCases, CREDIT_NOTICE_QUEUE, type CreditNoticeJob } from '../app/forms.ts';
import { ManualReviewUseCases } from '../app/forms-manual-review.ts';

export interface ServiceOptions {
  clock?: Clock;
  /** Work background jobs in this process (default true). */
  workJobs?: boolean;
  /** Start the job queue at all (default true). */
  jobs?: boolean;
  pollingIntervalSeconds?: number;
  /** First retry delay of a failed webhook delivery; later retries back off exponentially (default 5 s). */
  webhookRetryDelaySeconds?: number;
  /** The checked configuration (SMTP, public URL, casework settings); defaults when absent. */
  config?: Config;
  /** Run the face engine on the calling thread instead of worker threads (tools that analyse nothing else). */
  analysisInProcess?: boolean;
}

export async function createServices(
  database: Database,
  logger: Logger,
  options: ServiceOptions = {},
): Promise<Services> {
  const clock = options.clock ?? configuredClock(options.config, logger);
  const db = database.db;
  const queue = new JobQueue(database, logger, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 });
  const accounts = new Accounts(db, () => clock.now().getTime());
  const ruleSets = new RuleSets(db);
  const recordsStore = new RecordsStore(db, { down: options.config?.PONO_RECORDS_DOWN ?? false });
  const registry = new Registry(db, immigrationCandidates(recordsStore));
  const verifications = new VerificationUseCases(db, accounts, ruleSets, registry, queue, clock);
  const webhookDeliveries = new WebhookDeliveries(db, accounts, queue);
  const formsMailer = createMailer(options.config?.SMTP_URL, options.config?.PONO_MAIL_FROM);
  const forms = new FormsUseCases(db, accounts, verifications, queue, clock, () => formsMailer);
  const manualReviews = new ManualReviewUseCases(db, accounts, verifications, forms, clock);
  queue.define<CreditNoticeJob>({
    name: CREDIT_NOTICE_QUEUE,
    retryLimit: 6,
    retryDelaySeconds: 10,
    concurrency: 10,
    handle: (job) => forms.sendCreditNotice(job),
  });

  queue.define<WebhookJob>({
    name: WEBHOOK_QUEUE,
    retryLimit: WEBHOOK_RETRY_LIMIT,
    concurrency: 20,
    retryDelaySeconds: options.webhookRetryDelaySeconds ?? 5,
    handle: (job) =>
      deliverWebhook(
        db,
        async (accountId) => (await accounts.find(accountId))?.webhookSecret ?? null,
        job,
        () => Math.floor(clock.now().getTime() / 1000),
        logger,
      ),
  });
  const branding = brandingFrom(options.config);
  const caseworkMailer = createMailer(options.config?.SMTP_URL, options.config?.PONO_MAIL_FROM);
  const inzNotifier = createInzNotifier(
    options.config?.PONO_INZ_NOTIFY_URL && options.config.PONO_INZ_NOTIFY_SECRET
      ? { url: options.config.PONO_INZ_NOTIFY_URL, secret: options.config.PONO_INZ_NOTIFY_SECRET }
      : null,
  );
  const casework = new Casework(
    db,
    queue,
    clock,
    { mailer: caseworkMailer, inzNotifier },
    { ...caseworkOptionsFrom(options.config), branding },
  );
  casework.defineJobs(queue);
  const retention = new EvidenceRetention(
    db,
    clock,
    options.config?.PONO_EVIDENCE_RETENTION_DAYS ?? 365,
    options.config?.PONO_DOCUMENT_PHOTO_RETENTION_DAYS ?? 90,
  );
  queue.define<Record<string, never>>({
    name: EVIDENCE_RETENTION_QUEUE,
    retryLimit: 2,
    retryDelaySeconds: 600,
    cron: '17 3 * * *',
    handle: async () => void (await retention.purgeAll()),
  });
  const records = new RecordsUseCases(recordsStore);
  casework.useRecordsPort(records.caseworkPort());
  if (options.jobs !== false) await queue.start(options.workJobs !== false);
  const firstAdmin = await casework.bootstrap();
  // The address and password are not logged: the administrator knows them, the log's readers need not.
  if (firstAdmin === 'created')
    logger.info('the first administrator was created from PONO_ADMIN_EMAIL and PONO_ADMIN_PASSWORD');
  if (firstAdmin === 'ignored')
    logger.info('PONO_ADMIN_EMAIL is ignored: officers exist already (a lost password: pono officer reset-password)');
  const liveness = new LivenessSessions(db, clock, casework, logger, {
    ...(options.analysisInProcess
      ? { loadFaceEngine: loadFaceAnalyser }
      : { workers: createAnalysisPool(options.config?.PONO_ANALYSIS_THREADS) }),
    ...(options.config ? { maxQueuedAnalyses: options.config.PONO_ANALYSIS_QUEUE } : {}),
  });
  const documents = new DocumentCaptures(
    verifications,
    captureStore(db),
    createDocumentPool(),
    clock,
    {
      faceMatchThreshold: options.config?.PONO_FACE_MATCH_THRESHOLD ?? DEFAULT_FACE_MATCH_THRESHOLD,
      calibration: DEFAULT_CALIBRATION,
      ...(options.config ? { maxQueued: options.config.PONO_ANALYSIS_QUEUE } : {}),
    },
    registry,
  );
  const documentChecks = new CaseworkDocumentChecks(new SqlDocumentCheckStore(db), clock, documents);

  return {
    database,
    logger,
    clock,
    queue,
    health: { kind: database.kind, check: async () => void (await sql`select 1`.execute(db)) },
    accounts,
    ruleSets,
    registry,
    verifications,
    forms,
    manualReviews,
    webhookDeliveries,
    casework,
    liveness,
    documents,
    documentChecks,
    records,
    retention,
    branding,
    close: async () => {
      await queue.stop();
      await liveness.close();
      await documents.close();
      casework.close();
      caseworkMailer.close();
      formsMailer.close();
      await database.close();
    },
  };
}

/** The system clock, or in a drill (PONO_AS_OF, never in production: config refuses it) one that starts then. */
function configuredClock(config: Config | undefined, logger: Logger): Clock {
  const start = config?.PONO_AS_OF ? parseAsOf(config.PONO_AS_OF) : null;
  if (!start) return systemClock;
  logger.warn(
    { asOf: start.toISOString() },
    'drill: the clock starts at PONO_AS_OF and runs on from there; not for production',
  );
  return new ShiftedClock(start);
}
