// The application's audit trail, read-only: who, when, what, and the record before and after.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { Refusal } from '../work/lists.tsx';

function json(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 1);
}

export function Audit({ reference }: { reference: string }) {
  const { t } = useTranslation('work');
  const session = useSession();
  const allowed = session.hasRole('administrator') || session.hasRole('id-proofing-expert');
  const trail = useQuery({
    queryKey: ['application', reference, 'audit'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/applications/{ref}/audit', { params: { path: { ref: reference } } })),
    enabled: allowed,
  });
  return (
    <>
      <h2>{t('auditTrail')}</h2>
      {!allowed ? (
        <p>{t('auditNotAllowed')}</p>
      ) : (
        <>
          <p>{t('auditIntro')}</p>
          <Refusal error={trail.error} />
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('auditTrail')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('when')}</th>
                  <th scope="col">{t('who')}</th>
                  <th scope="col">{t('what')}</th>
                  <th scope="col">{t('before')}</th>
                  <th scope="col">{t('after')}</th>
                </tr>
              </thead>
              <tbody>
                {(trail.data ?? []).map((e) => (
                  <tr key={e.id}>
                    <td>{new Date(e.at).toLocaleString('en-NZ', { timeZone: 'Pacific/Auckland' })}</td>
                    <td>
                      {e.actorName}
                      {e.actorEmail && <div className="hint">{e.actorEmail}</div>}
                      {e.actingThroughName && (
                        <div className="hint">{t('actingThrough', { name: e.actingThroughName })}</div>
                      )}
                    </td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>
                      <pre className="json">{json(e.before)}</pre>
                    </td>
                    <td>
                      <pre className="json">{json(e.after)}</pre>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
