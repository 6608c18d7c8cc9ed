// A task queue as a keyset-paged table: "mine" (what I hold) or "validation" (prepared by someone else).
import { useState } from 'react';
import { Link } from 'react-aria-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { longDate } from '../../components/dates.ts';
import { useKeysetPager } from '../../components/Pager.tsx';
import { PagedTable, Refusal, type Column } from './lists.tsx';
import { taskKindLabel, taskStateLabel, outcomeLabel } from './labels.ts';

export function TaskTable({ queue, caption, empty }: { queue: 'mine' | 'validation'; caption: string; empty: string }) {
  const { t } = useTranslation('work');
  const pager = useKeysetPager();
  const [sort, setSort] = useState<'oldest' | 'newest'>('oldest');
  const page = useQuery({
    queryKey: ['work', 'tasks', queue, sort, pager.cursor],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/work/tasks', {
          params: { query: { queue, sort, ...(pager.cursor ? { cursor: pager.cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const columns: Column[] = [
    { key: 'task', label: t('columns.task') },
    { key: 'person', label: t('columns.person') },
    { key: 'application', label: t('columns.reference') },
    { key: 'state', label: t('columns.state') },
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
      ...(queue === 'validation' ? [outcomeLabel(t, task.outcome), task.preparedByName ?? '—'] : []),
      longDate(task.updatedAt),
    ],
  }));
  return (
    <>
      <Refusal error={page.error} />
      <PagedTable
        caption={caption}
        columns={columns}
        rows={rows}
        sort={sort}
        onSort={(s) => {
          setSort(s === 'newest' ? 'newest' : 'oldest');
          pager.reset();
        }}
        pager={pager}
        nextCursor={page.data?.nextCursor}
        empty={empty}
        loading={page.isPending}
      />
    </>
  );
}
