// The document check of a passport image, beside the image on the Documents tab: "Run document check" (case,
// validating officers and ID proofing experts), then what was read, each authenticity check with its finding,
// the details read against the person's record, and the face score with what the portrait was compared with.
// Advice to the officer: nothing on the case changes.
import { Button } from 'react-aria-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { instant } from '../../components/dates.ts';
import { Refusal } from '../work/lists.tsx';

/** Kinds that carry a passport data page (the server refuses the others in words). */
export const CHECKABLE_KINDS: readonly string[] = ['overseas-passport-image', 'travel-document'];

export function DocumentCheck({ reference, documentId }: { reference: string; documentId: string }) {
  const { t } = useTranslation('work');
  const session = useSession();
  const queryClient = useQueryClient();
  const key = ['application', reference, 'documents', documentId, 'check'];
  const path = { params: { path: { ref: reference, documentId } } };
  const latest = useQuery({
    queryKey: key,
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{ref}/documents/{documentId}/check', path)),
  });
  const run = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/applications/{ref}/documents/{documentId}/check', path)),
    onSuccess: (check) => queryClient.setQueryData(key, { check }),
  });
  const mayRun = (['case-officer', 'validating-officer', 'id-proofing-expert'] as const).some((r) =>
    session.hasRole(r),
  );
  const check = latest.data?.check ?? null;
  const headingId = `document-check-${documentId}`;
  return (
    <section aria-labelledby={headingId} className="document-check" aria-busy={run.isPending}>
      <h4 id={headingId}>{t('documentCheck.title')}</h4>
      <Refusal error={latest.error ?? run.error} />
      {mayRun && (
        <Button className="button" onPress={() => run.mutate()} isDisabled={run.isPending}>
          {run.isPending ? t('documentCheck.running') : check ? t('documentCheck.runAgain') : t('documentCheck.run')}
        </Button>
      )}
      {!check ? (
        <p>{latest.isPending ? '…' : t('documentCheck.never')}</p>
      ) : (
        <>
          <p className="notice">{t('documentCheck.advice')}</p>
          <dl className="facts">
            <dt>{t('documentCheck.checkedAt')}</dt>
            <dd>{instant(check.checkedAt)}</dd>
            <dt>{t('documentCheck.document')}</dt>
            <dd>
              {check.documentType === 'PASSPORT' ? t('documentCheck.passport') : t('documentCheck.unknownDocument')}
              {check.documentRegion ? ` (${check.documentRegion})` : ''}
            </dd>
            <dt>{t('documentCheck.mrz')}</dt>
            <dd>{check.mrzValid ? t('documentCheck.mrzValid') : t('documentCheck.mrzInvalid')}</dd>
            <dt>{t('documentCheck.documentNumber')}</dt>
            <dd>{check.extracted.documentNumber || '—'}</dd>
            <dt>{t('documentCheck.expiry')}</dt>
            <dd>{check.extracted.expiry || '—'}</dd>
            <dt>{t('documentCheck.face')}</dt>
            <dd>
              {check.face === null || check.faceComparedWith === null
                ? t('documentCheck.noFace')
                : check.face.score === null
                  ? (check.face.problem ?? t('documentCheck.noFace'))
                  : t(
                      check.face.score >= check.face.threshold
                        ? 'documentCheck.faceMatches'
                        : 'documentCheck.faceDiffers',
                      {
                        score: check.face.score,
                        threshold: check.face.threshold,
                        with: t(`documentCheck.comparedWith.${check.faceComparedWith}`),
                      },
                    )}
            </dd>
          </dl>
          {check.record.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t('documentCheck.record')}>
              <table>
                <caption>{t('documentCheck.record')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('documentCheck.field')}</th>
                    <th scope="col">{t('documentCheck.recorded')}</th>
                    <th scope="col">{t('documentCheck.read')}</th>
                    <th scope="col">{t('documentCheck.agrees')}</th>
                  </tr>
                </thead>
                <tbody>
                  {check.record.map((r) => (
                    <tr key={r.field}>
                      <th scope="row">{t(`documentCheck.fields.${r.field}`)}</th>
                      <td>{r.recorded}</td>
                      <td>{r.extracted || '—'}</td>
                      <td>{r.matches ? t('documentCheck.yes') : t('documentCheck.no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('documentCheck.checks')}>
            <table>
              <caption>{t('documentCheck.checks')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('documentCheck.check')}</th>
                  <th scope="col">{t('documentCheck.result')}</th>
                  <th scope="col">{t('documentCheck.finding')}</th>
                </tr>
              </thead>
              <tbody>
                {check.checks.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">{c.name}</th>
                    <td>{c.result === 'PASSED' ? t('documentCheck.passed') : t('documentCheck.failed')}</td>
                    <td>{c.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
