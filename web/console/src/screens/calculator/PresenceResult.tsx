// A presence calculation as the office shows it: the total and its 1350-day result, the year breakdown with each
// year's 240-day result, eligibility, the earliest eligible date and any exception. Used by the public calculator.
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../api/client.ts';
import { count, longDate } from '../../components/dates.ts';

export type Presence = Answer<'/api/v1/presence/calculate', 'post'>;

/** A calculation; by travel document it comes without the date of residence (never shown from the records). */
type Shown = Omit<Presence, 'residenceStartDate' | 'reducedPresence' | 'exceptions'> &
  Partial<Pick<Presence, 'residenceStartDate' | 'reducedPresence'>> & {
    exceptions: { code: string; type: string; exception: string }[];
  };

export function PresenceResult({ presence }: { presence: Shown }) {
  const { t } = useTranslation('calculator');
  const passFail = (met: boolean | null) => (met === null ? '—' : met ? t('pass') : t('fail'));
  return (
    <section aria-labelledby="presence-result" className="stack">
      <h2 id="presence-result">{t('result')}</h2>
      <p className={`notice ${presence.eligible ? 'notice-ok' : 'notice-error'}`} role="status">
        <strong>{presence.eligible ? t('eligible') : t('notEligible')}</strong>
      </p>
      {presence.exceptions.length > 0 && (
        <div className="notice notice-error">
          <p className="notice-title">{t('exceptions')}</p>
          <ul>
            {presence.exceptions.map((e) => (
              <li key={e.code}>
                {e.type}: {e.exception}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>{t('window', { from: longDate(presence.window.from), to: longDate(presence.window.to) })}</p>
      <dl className="facts">
        {presence.residenceStartDate !== undefined && (
          <>
            <dt>{t('residenceStart')}</dt>
            <dd>{longDate(presence.residenceStartDate)}</dd>
          </>
        )}
        <dt>{t('total')}</dt>
        <dd data-testid="total-days">
          <strong>{count(presence.totalDays)}</strong>
        </dd>
        <dt>{t('totalResult')}</dt>
        <dd>
          <strong>{passFail(presence.totalMet)}</strong>
        </dd>
      </dl>
      {presence.years.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="year-breakdown">
          <table>
            <caption id="year-breakdown" className="visually-hidden">
              {t('result')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('year')}</th>
                <th scope="col">{t('yearRange')}</th>
                <th scope="col">{t('daysInNz')}</th>
                <th scope="col">{t('yearResult')}</th>
              </tr>
            </thead>
            <tbody>
              {presence.years.map((y) => (
                <tr key={y.sequence}>
                  <td>{y.sequence}</td>
                  <td>
                    {longDate(y.from)} – {longDate(y.to)}
                  </td>
                  <td>{count(y.days)}</td>
                  <td>{passFail(y.met)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {presence.earliestEligibleDate && !presence.eligible && (
        <p>{t('earliest', { date: longDate(presence.earliestEligibleDate) })}</p>
      )}
      {presence.reducedPresence && (
        <p>
          {t('reduced', { days: count(presence.reducedPresence.days), result: passFail(presence.reducedPresence.met) })}
        </p>
      )}
    </section>
  );
}
