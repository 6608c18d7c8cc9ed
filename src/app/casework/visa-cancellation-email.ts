// BR-59 (seed 000 L2453–2455): the email to a new citizen whose current overseas passport holds their residence
// visa: INZ has been told of their citizenship and cancels that visa; if they travel on that passport they can ask
// INZ for an endorsement of New Zealand citizenship in it, or apply for a New Zealand passport. From the office of
// the configuration, its logo inline. The passport is named by its issuing state and last four characters only.
import escapeHtml from 'escape-html';
import type { Branding } from '../../config/branding.ts';
import { maskedPassport, type VisaCancellationFields } from '../../domain/casework/index.ts';
import { emailLogo } from './email-logo.ts';
import type { MailMessage } from '../ports/mailer.ts';

export interface VisaCancellationEmail {
  to: string;
  givenNames: string;
  /** The day the person became a citizen (the ceremony), YYYY-MM-DD. */
  citizenshipDate: string;
  fields: VisaCancellationFields;
  /** A stable Message-ID: a resend after a crash is recognisably the same message. */
  messageId: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** 2024-06-03 → 3 June 2024, as New Zealand letters write dates. */
function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

export function visaCancellationEmail(input: VisaCancellationEmail, branding: Branding): MailMessage {
  const f = input.fields;
  const passport = maskedPassport(f);
  const paragraphs = [
    `Kia ora ${input.givenNames},`,
    `Congratulations on becoming a New Zealand citizen on ${longDate(input.citizenshipDate)}. ${branding.officeName} has told Immigration New Zealand (INZ) of your citizenship.`,
    `Our records show your ${f.visaType} visa (from ${longDate(f.visaStart)}) in your current ${passport}. Now that INZ has been notified, this residence visa will be cancelled.`,
    'If you travel on this passport, you can:',
  ];
  const options = [
    'discuss this with INZ to get an endorsement of New Zealand citizenship included in it, or',
    'apply for a New Zealand passport.',
  ];
  const closing = 'You do not need to reply to this email. If you have questions, contact us or INZ.';
  const text = [...paragraphs.flatMap((p) => [p, '']), ...options.map((o) => `  - ${o}`), '', closing].join('\n');
  const logo = emailLogo(branding);
  const html =
    logo.html +
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `<ul>${options.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>` +
    `<p>${escapeHtml(closing)}</p>`;
  return {
    to: input.to,
    subject: 'Your residence visa and your passport now that you are a New Zealand citizen',
    text,
    html,
    messageId: input.messageId,
    ...logo.attachments,
  };
}
