// A task queue as a keyset-paged table: "mine" (what I hold to prepare or have picked up to validate, or a team
// leader's view of another officer's) or "validation" (prepared by someone else, not picked up by another validator).
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { longDate } from '../../components/dates.ts';
import { useSession } from '../../app/session.tsx';
import { OldestNewestTable, type Column } from './lists.tsx';
import { useOldestNewestPage } from './oldest-newest-page.ts';
import { taskKindLabel, taskStateLabel, outcomeLabel } from './labels.ts';

export function TaskTable({
  queue,
  caption,
  empty,
  officerId,
}: {
  queue: 'mine' | 'validation';
  caption: string;
  empty: string;
  /** Whose "mine" (a team leader's view); the signed-in officer's when absent. */
  officerId?: string;
}) {
  const { t } = useTranslation('work');
  const session = useSession();
  const whose = officerId ?? session.officer?.id;
  const paging = useOldestNewestPage(['work', 'tasks', queue, officerId ?? 'me'], async (order) =>
    unwrap(
      await api.GET('/api/v1/work/tasks', {
        params: { query: { queue, ...order, ...(officerId ? { officerId } : {}) } },
      }),
    ),
  );
  const { page } = paging;
  const columns: Column[] = [
    { key: 'task', label: t('columns.task') },
    { key: 'person', label: t('columns.person') },
    { key: 'application', label: t('columns.reference') },
    { key: 'state', label: t('columns.state') },
    ...(queue === 'mine' ? [{ key: 'part', label: t('columns.part') }] : []),
    ...(queue === 'validation'
      ? [
          { key: 'outcome', label: t('columns.outcome') },
          { key: 'preparedBy', label: t('columns.preparedBy') },
        ]
      : []),
    { key: 'updated', label: t('columns.updated'), sort: { asc: 'oldest', desc: 'newest' } },
  ];
  const rows = (page.data?.items ?? []).map((task) => ({
    key: task.id,
    cells: [
      <Link
        key="task"
        href={`/applications/${task.applicationRef}/tasks/${task.id}`}
        aria-label={t('openTask', { task: taskKindLabel(t, task.kind), name: task.personName })}
      >
        {taskKindLabel(t, task.kind)}
      </Link>,
      task.personName,
      <Link key="app" href={`/applications/${task.applicationRef}`}>
        {task.applicationRef}
      </Link>,
      taskStateLabel(t, task.state),
      ...(queue === 'mine'
        ? [task.state === 'prepared' && task.validatorId === whose ? t('yourPart.validate') : t('yourPart.prepare')]
        : []),
      ...(queue === 'validation' ? [outcomeLabel(t, task.outcome), task.preparedByName ?? '—'] : []),
      longDate(task.updatedAt),
    ],
  }));
  return <OldestNewestTable caption={caption} columns={columns} rows={rows} empty={empty} {...paging} />;
}
