// One manual review for the account's administrator: the person as their verification registered them, the
// scans they sent (images shown, PDFs opened), and the decision — VERIFIED_ADMIN with a comment (seed 004
// "Verified (by admin)") or FAILED — which the form then reads through its usual outcome calls.
import { useState, type FormEvent } from 'react';
import { Button, Form, Label, Link, Radio, RadioGroup } from 'react-aria-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Answer, type RequestBody } from '../../api/client.ts';
import { instant } from '../../components/dates.ts';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { Refusal } from '../work/lists.tsx';
import { personFacts } from './person-facts.ts';
import { reviewStateLabel, statusLabel } from './labels.ts';

type Review = Answer<'/api/v1/forms/manual-reviews/{reviewId}', 'get'>;
type Decision = RequestBody<'/api/v1/forms/manual-reviews/{reviewId}/decision', 'post'>['decision'];
const DECISIONS: readonly Decision[] = ['VERIFIED_ADMIN', 'FAILED'];

function DecisionForm({ reviewId, onDone }: { reviewId: string; onDone(updated: Review): void }) {
  const { t } = useTranslation('account');
  const [decision, setDecision] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const decide = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/forms/manual-reviews/{reviewId}/decision', {
          params: { path: { reviewId } },
          body: { decision: decision ?? 'VERIFIED_ADMIN', comment, adminEmail },
        }),
      ),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (decision) decide.mutate();
  };
  return (
    <Form onSubmit={submit} className="stack narrow" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('reviews.decide')}</h2>
      <p className="hint">{t('reviews.decideIntro')}</p>
      <RadioGroup
        className="radio-group"
        value={decision}
        onChange={(v) => setDecision(DECISIONS.find((d) => d === v) ?? null)}
        isRequired
      >
        <Label className="field-label">{t('reviews.decision')}</Label>
        {DECISIONS.map((d) => (
          <Radio key={d} value={d} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            {t(`reviews.decisions.${d}`)}
          </Radio>
        ))}
      </RadioGroup>
      <Field
        label={t('comment')}
        description={t('reviews.commentHelp')}
        multiline
        value={comment}
        onChange={setComment}
        isRequired
      />
      <Field label={t('adminEmail')} type="email" value={adminEmail} onChange={setAdminEmail} isRequired />
      <Refusal error={decide.error} />
      <div>
        <Button type="submit" className="button primary" isDisabled={decide.isPending || decision === null}>
          {decide.isPending ? t('overriding') : t('reviews.record')}
        </Button>
      </div>
    </Form>
  );
}

export default function ManualReview() {
  const { t } = useTranslation('account');
  const { reviewId = '' } = useParams();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const review = useQuery({
    queryKey: ['account', 'manual-review', reviewId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/forms/manual-reviews/{reviewId}', { params: { path: { reviewId } } })),
  });
  const r = review.data;
  const fileUrl = (n: number) => `/api/v1/forms/manual-reviews/${reviewId}/documents/${n}`;
  return (
    <Page title={t('reviews.detailTitle', { id: reviewId.slice(0, 8) })}>
      <p>
        <Link href="/account/manual-reviews">{t('reviews.back')}</Link>
      </p>
      <Refusal error={review.error} />
      {review.isPending && <p role="status">…</p>}
      {r && (
        <>
          <p>
            <span
              className={`status ${r.state === 'VERIFIED_ADMIN' ? 'status-good' : r.state === 'FAILED' ? 'status-bad' : 'status-wait'}`}
            >
              {reviewStateLabel(t, r.state)}
            </span>
          </p>
          {done && (
            <p role="status" className="notice notice-ok">
              {t('reviews.recorded', { state: reviewStateLabel(t, r.state) })}
            </p>
          )}
          <dl className="facts">
            <div className="contents">
              <dt>{t('reviews.columns.person')}</dt>
              <dd>
                {r.trackingCode}
                {r.roleKey ? ` · ${r.roleKey}` : ''}
              </dd>
            </div>
            <div className="contents">
              <dt>{t('reviews.columns.reason')}</dt>
              <dd>{t(`reviews.reasons.${r.reason}`)}</dd>
            </div>
            <div className="contents">
              <dt>{t('reviews.columns.submitted')}</dt>
              <dd>{instant(r.submittedAt)}</dd>
            </div>
            <div className="contents">
              <dt>{t('reviews.verification')}</dt>
              <dd>
                <Link href={`/account/verifications/${r.verificationId}`}>{r.verificationId}</Link> —{' '}
                {statusLabel(t, r.overallVerificationStatus)}
              </dd>
            </div>
            {r.decidedAt && (
              <div className="contents">
                <dt>{t('reviews.decidedBy')}</dt>
                <dd>
                  {r.decidedBy} · {instant(r.decidedAt)} · {r.comment}
                </dd>
              </div>
            )}
          </dl>
          <h2>{t('person')}</h2>
          <dl className="facts">
            {personFacts(t, r.person).map(([label, value]) => (
              <div key={label} className="contents">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <h2>{t('reviews.documents')}</h2>
          <ul className="stack">
            {r.documents.map((d) => (
              <li key={d.documentNo}>
                <p>
                  <strong>{t(`reviews.documentTypes.${d.documentType}`, { defaultValue: d.documentType })}</strong>{' '}
                  <Link href={fileUrl(d.documentNo)} target="_blank">
                    {t('reviews.openFile', { name: d.fileName })}
                  </Link>
                </p>
                {d.contentType.startsWith('image/') && (
                  <img
                    src={fileUrl(d.documentNo)}
                    alt={t('reviews.scanOf', {
                      type: t(`reviews.documentTypes.${d.documentType}`, { defaultValue: d.documentType }),
                    })}
                    className="scan"
                  />
                )}
              </li>
            ))}
          </ul>
          {r.state === 'PENDING' && (
            <DecisionForm
              reviewId={reviewId}
              onDone={(updated) => {
                queryClient.setQueryData(['account', 'manual-review', reviewId], updated);
                void queryClient.invalidateQueries({ queryKey: ['account', 'manual-reviews'] });
                void queryClient.invalidateQueries({ queryKey: ['account', 'verification', updated.verificationId] });
                setDone(true);
              }}
            />
          )}
        </>
      )}
    </Page>
  );
}
