// The account's verifications, newest first, by status (PENDING is the review queue); keyset pages.
import { useState } from 'react';
import { Link } from 'react-aria-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type RequestQuery } from '../../api/client.ts';
import { instant } from '../../components/dates.ts';
import { Page } from '../../components/Page.tsx';
import { useKeysetPager } from '../../components/Pager.tsx';
import { Choice } from '../work/Choice.tsx';
import { PagedTable, Refusal, type Column } from '../work/lists.tsx';
import { statusLabel, STATUSES, type Status } from './labels.ts';

type Query = RequestQuery<'/api/v1/verifications', 'get'>;

export default function Verifications() {
  const { t } = useTranslation('account');
  const pager = useKeysetPager();
  const [status, setStatus] = useState<Status | 'any'>('PENDING');
  const query: Query = {
    limit: '25',
    ...(status === 'any' ? {} : { status }),
    ...(pager.cursor ? { before: pager.cursor } : {}),
  };
  const page = useQuery({
    queryKey: ['account', 'verifications', query],
    queryFn: async () => unwrap(await api.GET('/api/v1/verifications', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const columns: Column[] = [
    { key: 'id', label: t('columns.id') },
    { key: 'status', label: t('columns.status') },
    { key: 'rule', label: t('columns.rule') },
    { key: 'created', label: t('columns.created') },
    { key: 'updated', label: t('columns.updated') },
  ];
  const rows = (page.data?.verifications ?? []).map((v) => ({
    key: v.verificationId,
    cells: [
      <Link key="id" href={`/account/verifications/${v.verificationId}`}>
        {v.verificationId}
      </Link>,
      statusLabel(t, v.overallVerificationStatus),
      `${v.ruleId} · ${t('version', { n: v.ruleSetVersion })}`,
      instant(v.createdAt),
      instant(v.updatedAt),
    ],
  }));
  return (
    <Page title={t('verificationsTitle')}>
      <p>{t('verificationsIntro')}</p>
      <Choice
        label={t('statusFilter')}
        value={status}
        onChange={(value) => {
          setStatus(STATUSES.find((s) => s === value) ?? 'any');
          pager.reset();
        }}
        options={[{ id: 'any', label: t('anyStatus') }, ...STATUSES.map((s) => ({ id: s, label: statusLabel(t, s) }))]}
      />
      <Refusal error={page.error} />
      <PagedTable
        caption={t('verificationsTitle')}
        columns={columns}
        rows={rows}
        sort="newest"
        onSort={() => undefined}
        pager={pager}
        nextCursor={page.data?.next}
        empty={t('noVerifications')}
        loading={page.isPending}
      />
    </Page>
  );
}
