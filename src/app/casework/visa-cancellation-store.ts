// The SQL of the BR-59 visa cancellation email: the person and the records it is read from, its one row per
// application and person, and the claim → sent steps of its delivery.
import type { Db, Tx } from '../ports/database.ts';

export interface VisaEmailRow {
  applicationId: string;
  personId: string;
  email: string | null;
  fields: object;
  status: string;
  attempts: number;
  sentAt: Date | null;
}

export class VisaCancellationStore {
  constructor(private readonly db: Db) {}

  /** The person INZ was told about, with the application's records and ceremony date. */
  async subject(tx: Db | Tx, applicationId: string, personId: string) {
    return tx
      .selectFrom('casework_people as p')
      .innerJoin('applications as a', 'a.application_id', 'p.application_id')
      .select(['p.person_id', 'p.relationship', 'p.given_names', 'p.email', 'a.records', 'a.ceremony_date'])
      .where('p.application_id', '=', applicationId)
      .where('p.person_id', '=', personId)
      .executeTakeFirst();
  }

  /** Inserts the email once per application and person; false when it was already there. */
  async insertOnce(
    tx: Tx,
    row: { applicationId: string; personId: string; email: string | null; fields: object; status: string },
  ): Promise<boolean> {
    const inserted = await tx
      .insertInto('visa_cancellation_emails')
      .values({
        application_id: row.applicationId,
        person_id: row.personId,
        email: row.email,
        fields: JSON.stringify(row.fields),
        status: row.status,
      })
      .onConflict((oc) => oc.columns(['application_id', 'person_id']).doNothing())
      .returning('application_id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  /** Claims a pending email (or one whose claim's lease ran out) with a fresh claim id; null otherwise. */
  async claim(applicationId: string, personId: string, claimId: string, now: Date, until: Date) {
    return this.db.transaction().execute(async (tx) => {
      const r = await tx
        .selectFrom('visa_cancellation_emails')
        .selectAll()
        .where('application_id', '=', applicationId)
        .where('person_id', '=', personId)
        .forUpdate()
        .executeTakeFirst();
      if (!r || (r.status !== 'pending' && r.status !== 'sending')) return null;
      if (r.status === 'sending' && r.claimed_until !== null && r.claimed_until.getTime() > now.getTime()) return null;
      await tx
        .updateTable('visa_cancellation_emails')
        .set({ status: 'sending', claim_id: claimId, claimed_until: until, attempts: r.attempts + 1 })
        .where('application_id', '=', applicationId)
        .where('person_id', '=', personId)
        .execute();
      return r;
    });
  }

  /** Records the outcome for the holder of the claim: sent, or back to pending for the retry. */
  async finish(tx: Tx, applicationId: string, personId: string, claimId: string, sentAt: Date | null) {
    const updated = await tx
      .updateTable('visa_cancellation_emails')
      .set(
        sentAt
          ? { status: 'sent', sent_at: sentAt, claim_id: null, claimed_until: null }
          : { status: 'pending', claim_id: null, claimed_until: null },
      )
      .where('application_id', '=', applicationId)
      .where('person_id', '=', personId)
      .where('claim_id', '=', claimId)
      .where('status', '=', 'sending')
      .returning('application_id')
      .executeTakeFirst();
    return updated !== undefined;
  }

  async forApplication(applicationId: string): Promise<VisaEmailRow[]> {
    const rows = await this.db
      .selectFrom('visa_cancellation_emails')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({
      applicationId: r.application_id,
      personId: r.person_id,
      email: r.email,
      fields: r.fields,
      status: r.status,
      attempts: r.attempts,
      sentAt: r.sent_at,
    }));
  }
}
