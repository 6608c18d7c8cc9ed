// Credit-header consent and failure notification (seed 001 "Dun & Bradstreet Credit File").
import type { CheckResultV3 } from './types.ts';
import { catalogueSource } from './catalogue/index.ts';

/** Seed 001's example failure-notification wording; `[[first name]]` and `[[customer]]` are filled in. */
export const CREDIT_HEADER_FAILURE_NOTICE =
  "Dear [[first name]], You recently opted to verify yourself against the Credit Bureau for [[customer]]. Your details didn't match the records held on file by the Dun & Bradstreet Credit Reporting Agency. Don't worry, this process doesn't leave any mark or in any way alter your credit history. We're obligated by legislation to tell you that your details didn't match. However, If you've already completed your ID verification, you don't need to do anything further. If you've not yet completed your ID verification, you may like to try another self-verification option or contact us to discuss other options. If you want to check the details held by Dun & Bradstreet, you can order a copy of your Dun & Bradstreet credit report online at https://www.checkyourcredit.com.au/Personal or by calling Dun & Bradstreet on 1300 734 806 during business hours. Kind regards, [[customer]]";

/** Seed 001's example consent wording; `[[Reporting Entity]]` is filled in. */
export const CREDIT_HEADER_CONSENT_TEXT =
  'By accepting these terms and conditions you give consent for [[Reporting Entity]] to disclose your name, residential address and date of birth to a credit reporting agency and ask the credit reporting agency to provide an assessment of whether the personal information so provided matches (in whole or in part) personal information contained in a credit information file in the possession or control of the credit reporting agency to assist in verifying your identity for the purposes of the Anti-Money Laundering and Counter-Terrorism Act 2006. The credit reporting agency may prepare and provide [[Reporting Entity]] with such an assessment and may use your personal information including the names, residential addresses and dates of birth contained in credit information files of you and other individuals for the purposes of preparing such an assessment. If you disagree with having your identity verified by a credit reporting agency, please select another data source or contact [[Reporting Entity]] so that we can discuss other options with you.';

export function fillNotice(template: string, values: Record<string, string>): string {
  return template.replace(/\[\[([^\]]+)\]\]/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * creditHistoryResult (seed 001): VERIFIED when a credit-header source passed, AUTOFAIL when credit-header
 * sources ran and none passed, null when none ran.
 */
export function creditHistory(results: readonly CheckResultV3[]): 'VERIFIED' | 'AUTOFAIL' | null {
  const ran = results.filter((r) => catalogueSource(r.name)?.category === 'creditHeader');
  if (ran.length === 0) return null;
  return ran.some((r) => r.state === 'VERIFIED') ? 'VERIFIED' : 'AUTOFAIL';
}
