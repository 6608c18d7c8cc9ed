// S10–S12: the immigration (INZ) results of an application: the 1:1 record with its tabs, the 1:N record with
// its candidates, and the Information record (No match, API error) with a re-fetch.
import { Button, Link } from 'react-aria-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { shortDate } from '../../components/dates.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { ExceptionsTable } from './ExceptionsTable.tsx';
import { Grid } from './Grid.tsx';
import { OneToOne } from './OneToOne.tsx';
import { asInzRecords, rowDateTime, type InzRecords } from './records.ts';

function Candidates({ records }: { records: InzRecords }) {
  const { t } = useTranslation('inz');
  return (
    <>
      <h2>{t('tabs.identityResults')}</h2>
      <p>
        <strong>{t('multiple')}</strong>
      </p>
      <p>{t('multipleHelp')}</p>
      <Grid
        caption={t('multiple')}
        columns={[
          t('clientId'),
          t('identityId'),
          t('givenNames'),
          t('middleNames'),
          t('familyName'),
          t('gender'),
          t('dateOfBirth'),
        ]}
        rows={(records.tabs.identityResults ?? []).map((c) => [
          c.clientId,
          c.identityId,
          c.givenNames,
          c.middleNames ?? '---',
          c.familyName,
          c.gender,
          shortDate(c.dateOfBirth),
        ])}
      />
    </>
  );
}

function Information({ records }: { records: InzRecords }) {
  const { t } = useTranslation('inz');
  const counts = records.tabs.result ?? { clientRecords: 0, identityRecords: 0, visas: 0, movements: 0 };
  return (
    <>
      <h2>{t('tabs.result')}</h2>
      <dl className="facts">
        <dt>{t('countClients')}</dt>
        <dd>{counts.clientRecords}</dd>
        <dt>{t('countIdentities')}</dt>
        <dd>{counts.identityRecords}</dd>
        <dt>{t('countVisas')}</dt>
        <dd>{counts.visas}</dd>
        <dt>{t('countMovements')}</dt>
        <dd>{counts.movements}</dd>
      </dl>
      <h3>{t('apiExceptions')}</h3>
      <ExceptionsTable exceptions={records.exceptions} />
    </>
  );
}

export default function InzResult() {
  const { t } = useTranslation('inz');
  const { ref = '' } = useParams();
  const queryClient = useQueryClient();
  const application = useQuery({
    queryKey: ['application', ref],
    queryFn: async () => unwrap(await api.GET('/api/v1/applications/{ref}', { params: { path: { ref } } })),
    refetchInterval: (query) => (query.state.data?.recordsStatus === 'pending' ? 2000 : false),
  });
  const refetch = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/applications/{ref}/records/refetch', { params: { path: { ref } } })),
    onSuccess: (data) => queryClient.setQueryData(['application', ref], data),
  });
  const records = asInzRecords(application.data?.records);
  const kind = records?.summary.identityMatch;
  const form = kind === '1:1 match' ? t('form1to1') : kind === '1:N match' ? t('form1toN') : t('formInformation');
  return (
    <Page title={records ? `${t('title')} · ${form}` : t('title')}>
      <p>
        <Link href={`/applications/${encodeURIComponent(ref)}`}>{t('backToApplication')}</Link> ·{' '}
        {t('application', { ref })}
        {records && (
          <>
            {' '}
            · {t('dateAndTime')}: {rowDateTime(records, application.data?.submittedOn ?? null)}
            {records.summary.retriggeredAt ? ` (${t('retriggered')})` : ''}
          </>
        )}
      </p>
      <ErrorNotice error={application.error ?? refetch.error} />
      {application.isPending && <p role="status">{t('pending')}</p>}
      {application.data?.recordsStatus === 'pending' && <p role="status">{t('pending')}</p>}
      {application.data?.noRecords && <p role="note">{t('beforeRecordsApi')}</p>}
      {application.data && !records && !application.data.noRecords && application.data.recordsStatus !== 'pending' && (
        <p>{t('notFetched')}</p>
      )}
      {records && records.exceptions.length > 0 && (
        <p className="notice notice-error" role="note">
          <strong>{t('exceptionsPresent')}</strong>
        </p>
      )}
      {records && kind === '1:1 match' && <OneToOne records={records} />}
      {records && kind === '1:N match' && <Candidates records={records} />}
      {records && kind !== '1:1 match' && kind !== '1:N match' && <Information records={records} />}
      {application.data && !application.data.noRecords && kind !== '1:1 match' && (
        <p>
          <Button
            className="button"
            isDisabled={refetch.isPending || application.data.recordsStatus === 'pending'}
            onPress={() => refetch.mutate()}
          >
            {refetch.isPending ? t('refetching') : t('refetch')}
          </Button>
        </p>
      )}
      {refetch.isSuccess && <p role="status">{t('refetchAsked')}</p>}
    </Page>
  );
}
