// Who is acting on a case, and the server-side permission check every casework use case starts with.
import { can, notPermittedMessage, type CaseworkAction, type OfficerRole } from '../../domain/casework/index.ts';
import { AppError } from '../errors.ts';

export interface Actor {
  readonly officerId: string;
  readonly roles: readonly OfficerRole[];
  /** The officer who issued the API token this officer acts through, when that is someone else. */
  readonly actingThrough?: string;
}

/** Throws 403 unless one of the actor's roles may perform the action (domain permission table). */
export function authorize(actor: Actor, action: CaseworkAction): void {
  if (!can(actor.roles, action)) throw new AppError('forbidden', notPermittedMessage(action), 'ROLE_NOT_PERMITTED');
}

const NZ_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Pacific/Auckland',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The NZ local calendar date of an instant, 'YYYY-MM-DD' (casework dates are NZ dates). */
export function nzDate(instant: Date): string {
  return NZ_DATE.format(instant);
}

const NZ_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Pacific/Auckland',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The NZ local date and time of an instant, 'YYYY-MM-DDTHH:mm' (as the INZ Results row records it). */
export function nzDateTime(instant: Date): string {
  return `${nzDate(instant)}T${NZ_TIME.format(instant)}`;
}

export function notFound(what: string, id: string): AppError {
  return new AppError('not_found', `${what} ${id} was not found`, 'NOT_FOUND');
}

export function conflict(message: string, code: string): AppError {
  return new AppError('conflict', message, code);
}

export function invalid(field: string, message: string, code = 'FieldValidationFault'): AppError {
  return new AppError('invalid', message, code, [{ field, message }]);
}
