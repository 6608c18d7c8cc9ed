// The human-readable names and meanings of seed 004's reference tables: overall states, individual source
// states, modes, methods and field statuses. The API keeps greenID's stable codes; REST answers and the
// console show these words beside them (SOAP stays greenID V3: codes only).
import type { FieldStatus, Method, Mode, OverallStatus, SourceState } from './types.ts';

export interface Named {
  readonly name: string;
  readonly description: string;
}

/** Seed 004 "States" (the overall verification status). */
export const OVERALL_STATUS_NAMES: Readonly<Record<OverallStatus, Named>> = {
  VERIFIED: { name: 'Verified', description: 'The individual has been verified against the specified rule set.' },
  VERIFIED_ADMIN: {
    name: 'Verified (by admin)',
    description: 'The individual was manually verified by an administrator through the admin panel.',
  },
  VERIFIED_WITH_CHANGES: {
    name: 'Verified with changes',
    description:
      'The individual was verified against the specified rule set, however some minor changes were made to the data in order to get the result. These changes are included in the rule set as acceptable changes.',
  },
  IN_PROGRESS: {
    name: 'In progress',
    description:
      'The individual has not yet been verified, but further checks may be attempted. This can be considered as not yet meeting the rule set requirements for verification.',
  },
  PENDING: {
    name: 'Pending review',
    description:
      'The individual has been verified against the rule set, but to do so they changed data in a way that is not considered acceptable without further action.',
  },
  LOCKED_OUT: {
    name: 'Locked out',
    description:
      'The individual has been locked out completely. This will occur depending on the customer lock out rules. By default there are no lock out rules.',
  },
};

/**
 * Seed 004 "Individual Source States". NOT_FOUND_ON_LIST, FOUND_ON_LIST and EMPTY have no human-readable
 * name in the seed's table: the names here are ours, from their meanings. NOT_CONTRIBUTING is seeds 001/002's.
 */
export const SOURCE_STATE_NAMES: Readonly<Record<SourceState, Named>> = {
  VERIFIED: { name: 'Verified', description: "The individual's data has been verified against this source." },
  VERIFIED_ADMIN: {
    name: 'Verified (by admin)',
    description: 'An administrative user has marked the check as successful, after manual inspection of the results.',
  },
  VERIFIED_WITH_CHANGES: {
    name: 'Verified with changes',
    description:
      'The check against the data source passed, but the person made some changes to their details in order to pass; the changes are acceptable under the rule set.',
  },
  PASSED: {
    name: 'Passed',
    description: 'Watchlist check: no problem was found (deprecated: see Not found on list).',
  },
  FAILED: {
    name: 'Failed',
    description:
      'The check has been unsuccessful: either the data has not matched or the person changed data in a way the rules do not allow.',
  },
  AUTOFAIL: {
    name: 'Autofail',
    description: 'A check attempted automatically has failed: the check against the data source was not successful.',
  },
  IN_PROGRESS: {
    name: 'In progress',
    description: 'The check has been started, but not enough data has been gathered to allow it to be completed.',
  },
  PENDING: {
    name: 'Pending review',
    description:
      'The check against the data source passed, but the person made some changes to their details in order to pass, and manual intervention is required to assess the changes.',
  },
  LOCKED_OUT: {
    name: 'Locked out',
    description:
      'This source has been locked out: the number of attempts allowed for it was exceeded, and the person is prevented from trying again.',
  },
  ERROR: {
    name: 'Error',
    description:
      'The source could not be queried because of an error, for example the data source was unavailable. The check may be retried later.',
  },
  NOT_FOUND_ON_LIST: {
    name: 'Not found on list',
    description: 'Watchlist check: no problem was found. It indicates a non-suspicious result.',
  },
  FOUND_ON_LIST: {
    name: 'Found on list',
    description: 'Watchlist check: the person was found on the watchlist.',
  },
  EMPTY: { name: 'Not used', description: 'This check has not been used.' },
  NOT_CONTRIBUTING: {
    name: 'Not contributing',
    description: 'The source could not contribute to this verification and is no longer offered.',
  },
};

/** Seed 004 "Possible Modes"; pono's in-person check is an office's counter, as docs/documents.md says. */
export const MODE_NAMES: Readonly<Record<Mode, Named>> = {
  POSTOFFICE: {
    name: 'Post Office',
    description:
      'The individual was verified in person: they presented their identity documents at a counter, where an officer inspected them.',
  },
  ASSISTED: {
    name: 'Admin assisted',
    description:
      'An administrator entered the data on behalf of the person, who was present. The data sources were still contacted to confirm it.',
  },
  EXTERNAL: {
    name: 'Externally Verified',
    description: 'The verification was carried out outside pono, and its result has been loaded in.',
  },
};

/** Seed 004 "Method Names"; a combination source's components are checked `interactive` (seed 003). */
export const METHOD_NAMES: Readonly<Record<Method | 'interactive', Named>> = {
  DB: {
    name: 'Data Base OR Non Consent',
    description: 'A data base check carried out automatically with no user input; no explicit consent is needed.',
  },
  UC: {
    name: 'User Centric',
    description: 'A check that required input or explicit consent from the person, or both.',
  },
  PP: {
    name: 'Person Present',
    description: 'A face to face check: the person presented themselves and their identity documents in person.',
  },
  interactive: {
    name: 'User Centric',
    description: 'A component of a captured document, checked from what the person sent and confirmed.',
  },
};

/** Seed 004 "Field Status". */
export const FIELD_STATUS_NAMES: Readonly<Record<FieldStatus, Named>> = {
  CONFIRMED: { name: 'Field confirmed.', description: 'This field was matched to this source exactly.' },
  CHANGED: {
    name: 'Field changed.',
    description: 'This field was changed in order to get a valid match on this source.',
  },
  ADDITION: {
    name: 'Additional field.',
    description: 'This was an additional field that was added by the user in order to get a valid verification.',
  },
  NO_MATCH: { name: 'No exact match found.', description: 'A match was not able to be found on the source.' },
  MISSING: {
    name: 'Field missing on source.',
    description: 'This field was not available to be compared on the source.',
  },
};

/** Seed 004: "A category that does not fall into the above will have a blank or null method name." */
export const NO_METHOD: Named = { name: 'None', description: 'No method applies to this check.' };

const lookup =
  <K extends string>(table: Readonly<Record<K, Named>>) =>
  (code: string | null | undefined): Named | null =>
    code != null && Object.hasOwn(table, code) ? table[code as K] : null;

export const overallStatusName = lookup(OVERALL_STATUS_NAMES);
export const sourceStateName = lookup(SOURCE_STATE_NAMES);
export const modeName = lookup(MODE_NAMES);
export const methodName = (code: string | null | undefined): Named => lookup(METHOD_NAMES)(code) ?? NO_METHOD;
export const fieldStatusName = lookup(FIELD_STATUS_NAMES);
