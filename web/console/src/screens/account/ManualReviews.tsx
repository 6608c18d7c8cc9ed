// The manual verification queue (forms, seed 001): scans people sent when they failed or opted out of
// electronic verification, oldest first, by state (PENDING: waiting for a decision); keyset pages.
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
import { REVIEW_STATES, reviewStateLabel, type ReviewState } from './labels.ts';

type Query = RequestQuery<'/api/v1/forms/manual-reviews', 'get'>;

export default function ManualReviews() {
  const { t } = useTranslation('account');
  const pager = useKeysetPager();
  const [state, setState] = useState<ReviewState | 'any'>('PENDING');
  const query: Query = {
    limit: '25',
    ...(state === 'any' ? {} : { state }),
    ...(pager.cursor ? { after: pager.cursor } : {}),
  };
  const page = useQuery({
    queryKey: ['account', 'manual-reviews', query],
    queryFn: async () => unwrap(await api.GET('/api/v1/forms/manual-reviews', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const columns: Column[] = [
    { key: 'review', label: t('reviews.columns.review') },
    { key: 'person', label: t('reviews.columns.person') },
    { key: 'reason', label: t('reviews.columns.reason') },
    { key: 'state', label: t('reviews.columns.state') },
    { key: 'submitted', label: t('reviews.columns.submitted') },
  ];
  const rows = (page.data?.reviews ?? []).map((r) => ({
    key: r.reviewId,
    cells: [
      <Link key="review" href={`/account/manual-reviews/${r.reviewId}`}>
        {t('reviews.open', { id: r.reviewId.slice(0, 8) })}
      </Link>,
      `${r.trackingCode}${r.roleKey ? ` · ${r.roleKey}` : ''}`,
      t(`reviews.reasons.${r.reason}`),
      reviewStateLabel(t, r.state),
      instant(r.submittedAt),
    ],
  }));
  return (
    <Page title={t('reviews.title')}>
      <p>{t('reviews.intro')}</p>
      <Choice
        label={t('reviews.stateFilter')}
        value={state}
        onChange={(value) => {
          setState(REVIEW_STATES.find((s) => s === value) ?? 'any');
          pager.reset();
        }}
        options={[
          { id: 'any', label: t('anyStatus') },
          ...REVIEW_STATES.map((s) => ({ id: s, label: reviewStateLabel(t, s) })),
        ]}
      />
      <Refusal error={page.error} />
      <PagedTable
        caption={t('reviews.title')}
        columns={columns}
        rows={rows}
        sort="oldest"
        onSort={() => undefined}
        pager={pager}
        nextCursor={page.data?.next}
        empty={t('reviews.none')}
        loading={page.isPending}
      />
    </Page>
  );
}
