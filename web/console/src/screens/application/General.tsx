// S2 General tab (application details, the INZ Results summary row, stage, people with relationships and age
// brackets, who gives liveness) and S4 other consenting parties.
import { Button, Link } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { shortDate } from '../../components/dates.ts';
import { asInzRecords, rowDateTime } from '../inz/records.ts';
import { bracketLabel, giverLabel, livenessActionLabel, relationshipLabel, stageLabel } from '../work/labels.ts';
import { Refusal } from '../work/lists.tsx';
import { useLivenessPlan, type Application } from './data.ts';
import { useSession } from '../../app/session.tsx';

function InzResultsRow({ application }: { application: Application }) {
  const { t } = useTranslation('work');
  const records = asInzRecords(application.records);
  const subject = application.people.find((p) => p.relationship === 'applicant') ?? application.people[0];
  return (
    <section aria-labelledby="inz-results">
      <h3 id="inz-results">{t('inzResults')}</h3>
      {!records ? (
        <p role="status">
          {application.noRecords
            ? t('inzBeforeApi')
            : application.recordsStatus === 'pending'
              ? t('inzPending')
              : t('inzNone')}
        </p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('inzResults')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('inzName')}</th>
                <th scope="col">{t('identityMatch')}</th>
                <th scope="col">{t('presence')}</th>
                <th scope="col">{t('alerts')}</th>
                <th scope="col">{t('dateAndTime')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>
                  <Link
                    href={`/applications/${application.reference}/inz`}
                    aria-label={t('openInz', { name: subject?.fullName ?? application.reference })}
                  >
                    {records.summary.inzName || '---'}
                  </Link>
                </td>
                <td>
                  {records.summary.identityMatch === '1:1 match' ? '1:1 match found' : records.summary.identityMatch}
                </td>
                <td>{records.summary.presence}</td>
                <td>{records.summary.alerts}</td>
                <td>
                  {rowDateTime(records, application.submittedOn)}
                  {records.summary.retriggeredAt ? ` (${t('retriggered')})` : ''}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function LivenessPlan({ application }: { application: Application }) {
  const { t } = useTranslation('work');
  const session = useSession();
  const queryClient = useQueryClient();
  const plan = useLivenessPlan(application.reference);
  const apply = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/applications/{ref}/liveness/apply-policy', {
          params: { path: { ref: application.reference } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['application', application.reference] }),
  });
  if (!plan.data) return <Refusal error={plan.error} />;
  const r = plan.data.responsibility;
  return (
    <section aria-labelledby="liveness-plan">
      <h3 id="liveness-plan">{t('livenessPlan')}</h3>
      <p>{r.required ? t('livenessGiver', { who: giverLabel(t, r.giver) }) : t('livenessNotRequired')}</p>
      <p className="hint">{livenessActionLabel(t, r.action)}</p>
      <p className="hint">{r.rule}</p>
      {plan.data.secondaryConsentRequired && <p>{t('secondaryConsentNeeded')}</p>}
      <Refusal error={apply.error} />
      {apply.isSuccess && (
        <p role="status" className="notice notice-ok">
          {t('policyApplied')}
        </p>
      )}
      {r.revertToStage && session.hasRole('case-officer') && (
        <Button className="button" isDisabled={apply.isPending} onPress={() => apply.mutate()}>
          {t('applyPolicy')}
        </Button>
      )}
    </section>
  );
}

export function General({ application }: { application: Application }) {
  const { t } = useTranslation('work');
  const subject = application.people.find((p) => p.relationship === 'applicant') ?? application.people[0];
  const isChild =
    subject !== undefined && subject.bracketAtSubmission !== null && subject.bracketAtSubmission !== 'adult';
  const others = application.people.filter(
    (p) => p.relationship === 'consenting-parent' || p.relationship === 'secondary-consent-giver',
  );
  return (
    <>
      <h2>{t('tabs.general')}</h2>
      <section aria-labelledby="application-details">
        <h3 id="application-details">{t('applicationDetails')}</h3>
        <dl className="facts">
          <dt>{t('applicationType')}</dt>
          <dd>{application.applicationType}</dd>
          <dt>{t('subjectPerson')}</dt>
          <dd>{subject?.fullName ?? '—'}</dd>
          <dt>{t('relationshipToRequestor')}</dt>
          <dd>{isChild ? t('child') : t('yourself')}</dd>
          <dt>{t('dateSubmitted')}</dt>
          <dd>{shortDate(application.submittedOn)}</dd>
          <dt>{t('identityStandard')}</dt>
          <dd>
            {application.identityStandard
              ? t(`standards.${application.identityStandard === 'liveness' ? 'liveness' : 'pre-liveness'}`)
              : '—'}
          </dd>
        </dl>
      </section>
      <InzResultsRow application={application} />
      <section aria-labelledby="application-processing">
        <h3 id="application-processing">{t('applicationProcessing')}</h3>
        <dl className="facts">
          <dt>{t('stage')}</dt>
          <dd>{stageLabel(t, application.stage, application.stageLabel)}</dd>
        </dl>
      </section>
      <section aria-labelledby="people">
        <h3 id="people">{t('people')}</h3>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('people')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('relationship')}</th>
                <th scope="col">{t('dateOfBirth')}</th>
                <th scope="col">{t('ageAtSubmission')}</th>
                <th scope="col">{t('bracketAtSubmission')}</th>
                <th scope="col">{t('bracketToday')}</th>
                <th scope="col">{t('email')}</th>
              </tr>
            </thead>
            <tbody>
              {application.people.map((p) => (
                <tr key={p.id}>
                  <td>{p.fullName}</td>
                  <td>{relationshipLabel(t, p.relationship)}</td>
                  <td>{shortDate(p.dateOfBirth)}</td>
                  <td>{p.ageAtSubmission ?? '—'}</td>
                  <td>{bracketLabel(t, p.bracketAtSubmission)}</td>
                  <td>
                    {bracketLabel(t, p.bracketToday)}
                    {p.bracketAtSubmission !== null && p.bracketAtSubmission !== p.bracketToday && (
                      <>
                        {' '}
                        <span className="status status-wait">{t('bracketChanged')}</span>
                      </>
                    )}
                  </td>
                  <td className="wrap-anywhere">{p.email ?? '---'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <LivenessPlan application={application} />
      <section aria-labelledby="other-parties">
        <h3 id="other-parties">{t('otherParties')}</h3>
        {others.length === 0 ? (
          <p>{t('noOtherParties')}</p>
        ) : (
          others.map((p) => (
            <dl className="facts other-party" key={p.id}>
              <dt>{t('parentName')}</dt>
              <dd>
                {p.fullName} ({relationshipLabel(t, p.relationship)})
              </dd>
              <dt>{t('email')}</dt>
              <dd className="wrap-anywhere">{p.email ?? '---'}</dd>
              <dt>{t('mobilePhone')}</dt>
              <dd>---</dd>
              <dt>{t('landline')}</dt>
              <dd>---</dd>
            </dl>
          ))
        )}
      </section>
    </>
  );
}
