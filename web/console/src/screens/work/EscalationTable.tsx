// Escalations to the ID Proofing Experts Group, keyset-paged: the group's queue, or one application's.
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { longDate } from '../../components/dates.ts';
import { OldestNewestTable, type Column } from './lists.tsx';
import { useOldestNewestPage } from './oldest-newest-page.ts';
import { escalationOutcomeLabel, escalationStatusLabel, taskKindLabel } from './labels.ts';

export function EscalationTable({
  caption,
  empty,
  applicationRef,
}: {
  caption: string;
  empty: string;
  applicationRef?: string;
}) {
  const { t } = useTranslation('work');
  const query = applicationRef ? { applicationRef } : { status: 'queued' as const };
  const paging = useOldestNewestPage(['work', 'escalations', query], async (order) =>
    unwrap(await api.GET('/api/v1/work/escalations', { params: { query: { ...query, ...order } } })),
  );
  const { page } = paging;
  const columns: Column[] = [
    { key: 'application', label: t('columns.reference') },
    { key: 'person', label: t('columns.person') },
    { key: 'task', label: t('columns.task') },
    { key: 'column', label: t('columns.gridColumn') },
    { key: 'summary', label: t('columns.summary') },
    { key: 'recommendation', label: t('columns.recommendation') },
    { key: 'raised', label: t('columns.raisedOn'), sort: { asc: 'oldest', desc: 'newest' } },
    { key: 'review', label: t('columns.reviewOn') },
    { key: 'status', label: t('columns.status') },
  ];
  const rows = (page.data?.items ?? []).map((e) => ({
    key: e.id,
    cells: [
      <Link key="app" href={`/applications/${e.applicationRef}`}>
        {e.applicationRef}
      </Link>,
      <Link
        key="person"
        href={`/queues/escalations/${e.id}`}
        aria-label={t('escalate.open', { name: e.template.personName })}
      >
        {e.template.personName}
      </Link>,
      taskKindLabel(t, e.template.task),
      e.template.gridColumn ?? '—',
      e.template.caseSummary,
      e.template.recommendation,
      longDate(e.raisedOn),
      longDate(e.reviewOn),
      e.decision
        ? `${escalationStatusLabel(t, e.status)}: ${escalationOutcomeLabel(t, e.decision.outcome)}`
        : escalationStatusLabel(t, e.status),
    ],
  }));
  return <OldestNewestTable caption={caption} columns={columns} rows={rows} empty={empty} {...paging} />;
}
