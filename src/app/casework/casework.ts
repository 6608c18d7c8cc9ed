// The casework use cases, built once in the composition root (src/main/services.ts) over one database, job
// queue, clock, mailer, records port and INZ notifier; and the job queues they use.
import { PersonalData } from './personal-data.ts';
import {
  CHILD_TURNS_14_POLICIES,
  DEFAULT_LIVENESS_POLICY,
  type ChildTurns14Policy,
  type LivenessPolicy,
} from '../../domain/casework/index.ts';
import type { Db } from '../ports/database.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { InzNotifier } from '../ports/inz-notifier.ts';
import type { Clock } from '../clock.ts';
import { Applications, RECORDS_FETCH_QUEUE, type RecordsFetchJob } from './applications.ts';
import { AuditTrail } from './audit.ts';
import { Ceremonies, INZ_NOTIFY_QUEUE, type InzNotifyJob } from './ceremonies.ts';
import { Escalations } from './escalations.ts';
import { Drill } from './drill.ts';
import { IdentityProofing } from './identity-proofing.ts';
import { LINK_EMAIL_QUEUE, LINK_EXPIRY_QUEUE, LivenessLinks, type LinkJob } from './liveness-links.ts';
import { Officers } from './officers.ts';
import { emptyRecordsPort, type ImmigrationRecordsPort } from './records-port.ts';
import { Tasks } from './tasks.ts';
import { VISA_EMAIL_QUEUE, VisaCancellationEmails, type VisaEmailJob } from './visa-cancellation-emails.ts';
import { WorkAllocation } from './work-allocation.ts';
import type { Config } from '../../config/config.ts';
import { brandingFrom, type Branding } from '../../config/branding.ts';

/** The edges casework sends through, built by the composition root (which also closes them). */
export interface CaseworkEdges {
  mailer: Mailer;
  inzNotifier: InzNotifier;
}

export interface CaseworkOptions {
  /** Base URL of the applicant pages, for links in emails (PONO_PUBLIC_URL). */
  publicUrl?: string;
  childTurns14Policy?: ChildTurns14Policy;
  records?: ImmigrationRecordsPort;
  /** First-run administrator (PONO_ADMIN_EMAIL / PONO_ADMIN_PASSWORD): created when no officer exists. */
  bootstrapAdmin?: { email: string; password: string };
  /** The office's name and logo for the emails (default: pono's name, no logo). */
  branding?: Branding;
  /** Drills may run scheduled work as of a chosen time (never in production). */
  drillsAllowed?: boolean;
  /** Back-off of the records fetch when the records service is down (default 60 s, doubling, 8 retries). */
  recordsRetryDelaySeconds?: number;
}

export function isChildTurns14Policy(value: string): value is ChildTurns14Policy {
  return (CHILD_TURNS_14_POLICIES as readonly string[]).includes(value);
}

export class Casework {
  readonly officers: Officers;
  readonly applications: Applications;
  readonly tasks: Tasks;
  readonly allocation: WorkAllocation;
  readonly links: LivenessLinks;
  readonly proofing: IdentityProofing;
  readonly escalations: Escalations;
  readonly ceremonies: Ceremonies;
  readonly visaEmails: VisaCancellationEmails;
  readonly audit: AuditTrail;
  readonly drill: Drill;
  readonly personalData: PersonalData;
  readonly policy: LivenessPolicy;
  #records: ImmigrationRecordsPort;

  constructor(
    db: Db,
    queue: JobQueue,
    clock: Clock,
    edges: CaseworkEdges,
    readonly options: CaseworkOptions = {},
  ) {
    this.#records = options.records ?? emptyRecordsPort;
    this.policy = {
      ...DEFAULT_LIVENESS_POLICY,
      ...(options.childTurns14Policy ? { childTurns14Policy: options.childTurns14Policy } : {}),
    };
    this.officers = new Officers(db, clock);
    this.applications = new Applications(db, queue, clock, () => this.#records);
    this.tasks = new Tasks(db, clock);
    this.allocation = new WorkAllocation(db, clock, this.applications, this.tasks);
    this.links = new LivenessLinks(db, queue, clock, () => edges.mailer, {
      publicUrl: options.publicUrl ?? 'http://localhost:8080',
      branding: options.branding ?? brandingFrom(undefined),
    });
    this.proofing = new IdentityProofing(db, clock, this.applications, this.tasks, this.policy);
    this.escalations = new Escalations(db, clock, this.tasks);
    this.visaEmails = new VisaCancellationEmails(
      db,
      queue,
      clock,
      () => edges.mailer,
      options.branding ?? brandingFrom(undefined),
    );
    this.ceremonies = new Ceremonies(db, queue, clock, this.applications, () => edges.inzNotifier, this.visaEmails);
    this.audit = new AuditTrail(db);
    this.drill = new Drill((at) => {
      const then = new Casework(db, queue, at, edges, { ...options, records: this.#records });
      return {
        expireLinks: () => then.links.sweepExpired(),
        dueNotifications: (today) => then.ceremonies.dueKeys(today),
        deliverNotification: (idempotencyKey) => then.ceremonies.deliver({ idempotencyKey }),
        queuedEscalations: () => then.escalations.queued(),
        close: () => then.close(),
      };
    }, options.drillsAllowed ?? false);
    this.personalData = new PersonalData(db, clock);
  }

  /** Swaps the immigration-records source (the records adapter, or a fake in tests). */
  useRecordsPort(port: ImmigrationRecordsPort): void {
    this.#records = port;
  }

  /** Defines the casework job queues; call before the queue starts. */
  defineJobs(queue: JobQueue): void {
    queue.define<RecordsFetchJob>({
      name: RECORDS_FETCH_QUEUE,
      retryLimit: 8,
      retryDelaySeconds: this.options.recordsRetryDelaySeconds ?? 60,
      concurrency: 5,
      handle: (job) => this.applications.fetchRecords(job),
    });
    queue.define<LinkJob>({
      name: LINK_EMAIL_QUEUE,
      retryLimit: 6,
      retryDelaySeconds: 10,
      concurrency: 10,
      handle: (job) => this.links.deliverEmail(job),
    });
    queue.define<LinkJob>({
      name: LINK_EXPIRY_QUEUE,
      retryLimit: 3,
      retryDelaySeconds: 30,
      handle: (job) => this.links.expire(job),
    });
    // A safety net beside each link's own expiry job: links past 24 h are marked Expired every five minutes.
    queue.define<Record<string, never>>({
      name: LINK_SWEEP_QUEUE,
      retryLimit: 0,
      retryDelaySeconds: 60,
      cron: '*/5 * * * *',
      handle: async () => void (await this.links.sweepExpired()),
    });
    queue.define<VisaEmailJob>({
      name: VISA_EMAIL_QUEUE,
      retryLimit: 8,
      retryDelaySeconds: 30,
      concurrency: 5,
      handle: async (job) => void (await this.visaEmails.deliver(job)),
    });
    queue.define<InzNotifyJob>({
      name: INZ_NOTIFY_QUEUE,
      retryLimit: 10,
      retryDelaySeconds: 60,
      concurrency: 10,
      handle: async (job) => void (await this.ceremonies.deliver(job)),
    });
  }

  /** Creates the first-run administrator if configured and no officer exists. */
  /** The first administrator from the environment: 'created', 'ignored' (officers exist already) or 'none' (not set). */
  async bootstrap(): Promise<'created' | 'ignored' | 'none'> {
    const admin = this.options.bootstrapAdmin;
    if (!admin) return 'none';
    return (await this.officers.ensureBootstrapAdmin(admin.email, admin.password)) ? 'created' : 'ignored';
  }

  /** Nothing of its own to let go: the mailer and notifier belong to the composition root. */
  close(): void {}
}

/** The queue whose scheduled job marks overdue liveness links Expired. */
export const LINK_SWEEP_QUEUE = 'casework.links.sweep';

/** The casework options from the checked configuration. */
export function caseworkOptionsFrom(config: Config | undefined): CaseworkOptions {
  if (!config) return {};
  const policy = config.PONO_CHILD_TURNS_14_POLICY;
  return {
    // Without a public URL the emailed links point at this server's own port on this machine.
    publicUrl: config.PONO_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    ...(isChildTurns14Policy(policy) ? { childTurns14Policy: policy } : {}),
    drillsAllowed: config.NODE_ENV !== 'production',
    ...(config.PONO_ADMIN_EMAIL && config.PONO_ADMIN_PASSWORD
      ? { bootstrapAdmin: { email: config.PONO_ADMIN_EMAIL, password: config.PONO_ADMIN_PASSWORD } }
      : {}),
  };
}
