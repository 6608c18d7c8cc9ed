// One verification for its account's administrator: the person as registered, the overall state, each source
// with its state, the check results field by field, the watchlists it was found on, and the manual decision
// (VERIFIED_ADMIN with a comment and the administrator's email). States, modes and methods are shown in the words
// the API gives beside each code (seed 004), a captured document's components with them (CaptureComponents.tsx);
// an in-person check or an outside check's result can be recorded.
import { Fragment, useState, type FormEvent } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Answer } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { Table } from '../../components/Table.tsx';
import { Refusal } from '../work/lists.tsx';
import { personFacts } from './person-facts.ts';
import { statusLabel } from './labels.ts';
import { ExternalCheck, InPersonCheck } from './RecordedChecks.tsx';
import { AssistedCheck } from './AssistedCheck.tsx';
import { CaptureComponents } from './CaptureComponents.tsx';

type CurrentStatus = Answer<'/api/v1/verifications/{verificationId}', 'get'>;

function Override({ verificationId, onDone }: { verificationId: string; onDone(updated: CurrentStatus): void }) {
  const { t } = useTranslation('account');
  const [comment, setComment] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const override = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/verifications/{verificationId}/admin-override', {
          params: { path: { verificationId } },
          body: { comment, adminEmail },
        }),
      ),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    override.mutate();
  };
  return (
    <Form onSubmit={submit} className="stack narrow" aria-labelledby="override-heading">
      <h2 id="override-heading">{t('override')}</h2>
      <p className="hint">{t('overrideIntro')}</p>
      <Field
        label={t('comment')}
        description={t('commentHelp')}
        multiline
        value={comment}
        onChange={setComment}
        isRequired
      />
      <Field label={t('adminEmail')} type="email" value={adminEmail} onChange={setAdminEmail} isRequired />
      <Refusal error={override.error} />
      <div>
        <Button type="submit" className="button primary" isDisabled={override.isPending}>
          {override.isPending ? t('overriding') : t('overrideButton')}
        </Button>
      </div>
    </Form>
  );
}

export default function VerificationDetail() {
  const { t } = useTranslation('account');
  const { verificationId = '' } = useParams();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const verification = useQuery({
    queryKey: ['account', 'verification', verificationId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/verifications/{verificationId}', { params: { path: { verificationId } } })),
  });
  const outcome = useQuery({
    queryKey: ['account', 'verification', verificationId, 'outcome'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/verifications/{verificationId}/outcome', { params: { path: { verificationId } } })),
  });
  const watchlists = (() => {
    // seed 001: a comma-separated list of watchlists (DFAT, PEP, OFAC).
    return (outcome.data?.watchlistsFoundOn ?? '').split(',').filter((w) => w !== '');
  })();
  const updatedWith = (updated: CurrentStatus) => {
    queryClient.setQueryData(['account', 'verification', verificationId], updated);
    void queryClient.invalidateQueries({ queryKey: ['account', 'verifications'] });
    void queryClient.invalidateQueries({ queryKey: ['account', 'verification', verificationId, 'outcome'] });
  };
  const recorded = (updated: CurrentStatus) => {
    updatedWith(updated);
    const check = (updated as CurrentStatus & { checkResult?: { name: string; stateName: string } }).checkResult;
    setDone(
      t('recorded.done', {
        check: check?.name ?? '',
        state: check?.stateName ?? '',
        status: statusLabel(t, updated.verificationResult.overallVerificationStatus),
      }),
    );
  };
  const v = verification.data;
  const status = v?.verificationResult.overallVerificationStatus ?? '';
  return (
    <Page title={t('detailTitle', { id: verificationId })}>
      <p>
        <Link href="/account/verifications">{t('back')}</Link>
      </p>
      <Refusal error={verification.error} />
      {verification.isPending && <p role="status">…</p>}
      {v && (
        <>
          <p>
            <span
              className={`status ${status.startsWith('VERIFIED') ? 'status-good' : status === 'LOCKED_OUT' ? 'status-bad' : 'status-wait'}`}
            >
              {statusLabel(t, status)}
            </span>
          </p>
          {v.verificationResult.modeName && (
            <p>{t('verifiedMode', { mode: v.verificationResult.modeName, code: v.verificationResult.mode })}</p>
          )}
          {done && (
            <p role="status" className="notice notice-ok">
              {done}
            </p>
          )}
          <h2>{t('person')}</h2>
          <dl className="facts">
            {personFacts(t, v.registrationDetails).map(([label, value]) => (
              <div key={label} className="contents">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <h2>{t('sources')}</h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('sources')}>
            <Table
              rows={v.sourceList}
              rowKey={(s) => s.name}
              columns={[
                { heading: t('source'), cell: (s) => s.name },
                { heading: t('sourceState'), cell: (s) => `${s.stateName} (${s.state})` },
                { heading: t('passed'), cell: (s) => (s.passed ? t('yes') : t('no')) },
              ]}
            />
          </div>
          <h2>{t('checks')}</h2>
          {v.verificationResult.individualResult.map((check) => (
            <Fragment key={check.name}>
              <div className="table-scroll" tabIndex={0} role="region" aria-label={`${check.name}: ${check.stateName}`}>
                <Table
                  caption={
                    <>
                      {check.name}: {check.stateName} ({check.state}) · {check.methodName}
                      {check.modeName ? ` · ${check.modeName}` : ''}
                      {check.documentType
                        ? ` · ${[check.documentType, check.documentRegion, check.documentSubRegion].filter(Boolean).join(' ')}`
                        : ''}
                    </>
                  }
                  rows={check.fieldResult}
                  rowKey={(f) => f.name}
                  columns={[
                    { heading: t('field'), cell: (f) => f.name },
                    {
                      heading: t('fieldStatus'),
                      cell: (f) =>
                        `${f.statusName ?? f.data ?? '—'}${f.name === 'AdminComment' && f.extraData ? ` (${f.extraData.map((e) => e.value).join(', ')})` : ''}`,
                    },
                  ]}
                />
              </div>
              <CaptureComponents check={check} />
            </Fragment>
          ))}
          <h2>{t('watchlists')}</h2>
          <p>{watchlists.length === 0 ? t('noWatchlistHit') : watchlists.join(', ')}</p>
          {(status === 'IN_PROGRESS' || status === 'PENDING') && (
            <>
              <AssistedCheck verificationId={verificationId} sources={v.sourceList} onDone={recorded} />
              <InPersonCheck verificationId={verificationId} onDone={recorded} />
              <ExternalCheck verificationId={verificationId} onDone={recorded} />
            </>
          )}
          {!status.startsWith('VERIFIED') && (
            <Override
              verificationId={verificationId}
              onDone={(updated) => {
                updatedWith(updated);
                setDone(t('overridden'));
              }}
            />
          )}
        </>
      )}
    </Page>
  );
}
