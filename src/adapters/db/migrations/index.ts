import type { Migration } from 'kysely';
import * as m001 from './001-verification.ts';
import * as m002 from './002-casework.ts';
import * as m003 from './003-records.ts';
import * as m004 from './004-liveness.ts';
import * as m007 from './007-work-allocation.ts';
import * as m010 from './010-token-issuer.ts';
import * as m011 from './011-sign-in-failures.ts';
import * as m012 from './012-account-sessions.ts';
import * as m013 from './013-list-indexes.ts';
import * as m014 from './014-webhook-deliveries.ts';
import * as m015 from './015-registry-imports.ts';
import * as m016 from './016-pick-up-queues.ts';
import * as m017 from './017-personal-data-erasure.ts';
import * as m018 from './018-proofing-evidence.ts';
import * as m020 from './020-document-captures.ts';
import * as m021 from './021-forms.ts';
import * as m023 from './023-document-capture-review.ts';
import * as m024 from './024-casework-document-checks.ts';
import * as m025 from './025-validation-pick-up.ts';
import * as m026 from './026-visa-cancellation-emails.ts';
import * as m027 from './027-recording-opened.ts';
import * as m040 from './040-forms-manual-review.ts';
import * as m041 from './041-verification-state-lz4.ts';
import * as m042 from './042-form-sessions-account-key.ts';
import * as m055 from './055-domain-value-checks.ts';
import * as m056 from './056-verification-state-json.ts';
import * as m065 from './065-account-face-comparison.ts';
import * as m066 from './066-form-sessions-json.ts';
import * as m070 from './070-more-list-indexes.ts';
import * as m071 from './071-name-search-statistics.ts';
import * as m080 from './080-application-filter-indexes.ts';

/** Every migration, by name; names sort in the order they are applied. */
export const migrations: Record<string, Migration> = {
  '001-verification': m001,
  '002-casework': m002,
  '003-records': m003,
  '004-liveness': m004,
  '007-work-allocation': m007,
  '010-token-issuer': m010,
  '011-sign-in-failures': m011,
  '012-account-sessions': m012,
  '013-list-indexes': m013,
  '014-webhook-deliveries': m014,
  '015-registry-imports': m015,
  '016-pick-up-queues': m016,
  '017-personal-data-erasure': m017,
  '018-proofing-evidence': m018,
  '020-document-captures': m020,
  '021-forms': m021,
  '023-document-capture-review': m023,
  '024-casework-document-checks': m024,
  '025-validation-pick-up': m025,
  '026-visa-cancellation-emails': m026,
  '027-recording-opened': m027,
  '040-forms-manual-review': m040,
  '041-verification-state-lz4': m041,
  '042-form-sessions-account-key': m042,
  '055-domain-value-checks': m055,
  '056-verification-state-json': m056,
  '065-account-face-comparison': m065,
  '066-form-sessions-json': m066,
  '070-more-list-indexes': m070,
  '071-name-search-statistics': m071,
  '080-application-filter-indexes': m080,
};
