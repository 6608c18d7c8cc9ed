// Pieces the casework screens share: sortable column headers, a paged table with the office's empty state,
// refusals in plain words (by the server's stable code, in the chosen language), and "pick up next".
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Pager, type KeysetPager } from '../../components/Pager.tsx';
import { work as english } from '../../i18n/en/work.ts';
import './casework.css';

type RefusalCode = keyof typeof english.refusals;
const isRefusalCode = (code: string | undefined): code is RefusalCode => code !== undefined && code in english.refusals;

/** The server's refusal: its own words, led by the office's plain words for the codes the console knows. */
export function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation('work');
  if (!error) return null;
  if (error instanceof ApiError && isRefusalCode(error.code)) {
    return <ErrorNotice error={new ApiError(error.status, t(`refusals.${error.code}`), error.code, error.problems)} />;
  }
  return <ErrorNotice error={error} />;
}

export interface Column {
  key: string;
  label: string;
  /** The sort this column offers ascending and descending, when it is sortable. */
  sort?: { asc: string; desc: string };
}

/** A column header; a sortable one is a button that flips the order, with aria-sort telling which way. */
function Header({ column, sort, onSort }: { column: Column; sort: string; onSort(sort: string): void }) {
  const { t } = useTranslation('work');
  const s = column.sort;
  if (!s) return <th scope="col">{column.label}</th>;
  const direction = sort === s.asc ? 'ascending' : sort === s.desc ? 'descending' : 'none';
  return (
    <th scope="col" aria-sort={direction}>
      <Button
        className="sort-button"
        aria-label={t('sortBy', { column: column.label })}
        onPress={() => onSort(sort === s.asc ? s.desc : s.asc)}
      >
        {column.label}{' '}
        <span aria-hidden="true">{direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}</span>
      </Button>
    </th>
  );
}

/** A captioned, sortable, keyset-paged table; "No data available." when empty. */
export function PagedTable({
  caption,
  columns,
  rows,
  sort,
  onSort,
  pager,
  nextCursor,
  empty,
  loading,
}: {
  caption: string;
  columns: Column[];
  rows: { key: string; cells: ReactNode[] }[];
  sort: string;
  onSort(sort: string): void;
  pager: KeysetPager;
  nextCursor: string | null | undefined;
  empty: string;
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {loading ? (
        <p role="status">{t('loading')}</p>
      ) : rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
          <table>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <Header key={c.key} column={c} sort={sort} onSort={onSort} />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) => (
                    <td key={columns[i]?.key ?? i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(pager.page > 1 || nextCursor) && <Pager pager={pager} nextCursor={nextCursor} />}
    </>
  );
}

export type OldestNewest = 'oldest' | 'newest';

/**
 * A paged table sorted by one date column, oldest or newest first (a new order starts again at the first page),
 * with the server's refusal above it.
 */
export function OldestNewestTable({
  sort,
  setSort,
  page,
  ...table
}: Omit<Parameters<typeof PagedTable>[0], 'sort' | 'onSort' | 'nextCursor' | 'loading'> & {
  sort: OldestNewest;
  setSort(sort: OldestNewest): void;
  page: { error: unknown; isPending: boolean; data?: { nextCursor: string | null } | undefined };
}) {
  return (
    <>
      <Refusal error={page.error} />
      <PagedTable
        {...table}
        sort={sort}
        onSort={(s) => {
          setSort(s === 'newest' ? 'newest' : 'oldest');
          table.pager.reset();
        }}
        nextCursor={page.data?.nextCursor}
        loading={page.isPending}
      />
    </>
  );
}

/** A "pick up next" button: the server hands out the work; what it handed out opens. */
function PickUpButton<T>({
  label,
  className,
  request,
  opens,
  remember,
}: {
  label: string;
  className: string;
  request(): Promise<T>;
  /** Where the picked-up work opens. */
  opens(picked: T): string;
  remember?(queryClient: QueryClient, picked: T): void;
}) {
  const { t } = useTranslation('work');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const pick = useMutation({
    mutationFn: request,
    onSuccess: (picked) => {
      void queryClient.invalidateQueries({ queryKey: ['work'] });
      remember?.(queryClient, picked);
      void navigate(opens(picked));
    },
  });
  return (
    <div>
      <Refusal error={pick.error} />
      <Button className={className} isDisabled={pick.isPending} onPress={() => pick.mutate()}>
        {pick.isPending ? t('pickingUp') : label}
      </Button>
    </div>
  );
}

const taskPage = (task: { applicationRef: string; id: string }) =>
  `/applications/${task.applicationRef}/tasks/${task.id}`;

/** "Pick up the next task": the server hands out the oldest task nobody holds; its form opens. */
export function PickUpNextTask() {
  const { t } = useTranslation('work');
  return (
    <PickUpButton
      label={t('pickUpNextTask')}
      className="button"
      request={async () => unwrap(await api.POST('/api/v1/work/tasks/pick-up'))}
      opens={taskPage}
    />
  );
}

/** "Pick up the next task to validate": the oldest prepared task nobody validates, never one I prepared. */
export function PickUpNextValidation() {
  const { t } = useTranslation('work');
  return (
    <PickUpButton
      label={t('pickUpNextValidation')}
      className="button primary"
      request={async () => unwrap(await api.POST('/api/v1/work/validation/pick-up'))}
      opens={taskPage}
    />
  );
}

/** "Pick up the next application": the server hands out the oldest unassigned one; its record opens. */
export function PickUpNext() {
  const { t } = useTranslation('work');
  return (
    <PickUpButton
      label={t('pickUpNext')}
      className="button primary"
      request={async () => unwrap(await api.POST('/api/v1/work/applications/pick-up', { body: {} }))}
      opens={(application) => `/applications/${application.reference}`}
      remember={(queryClient, application) =>
        queryClient.setQueryData(['application', application.reference], application)
      }
    />
  );
}
