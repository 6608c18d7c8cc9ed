// Applications by stage and owner, and the search by application reference, name and date of birth: one
// keyset page at a time from the server, sortable by reference or by when the application came in.
import { useState, type FormEvent } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type paths } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { shortDate } from '../../components/dates.ts';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { useKeysetPager } from '../../components/Pager.tsx';
import { Choice } from '../work/Choice.tsx';
import { PagedTable, PickUpNext, Refusal, type Column } from '../work/lists.tsx';
import { useOfficers } from '../work/officers.ts';

type Query = NonNullable<paths['/api/v1/work/applications']['get']['parameters']['query']>;
type Sort = NonNullable<Query['sort']>;

export const STAGES = [
  'submitted',
  'complete-and-correct',
  'application-processing',
  'decision',
  'ceremony',
  'closed',
  'draft',
] as const;
const SORTS: readonly Sort[] = ['newest', 'oldest', 'reference', 'reference-desc'];
const isSort = (s: string): s is Sort => (SORTS as readonly string[]).includes(s);

export function useApplicationPage(query: Omit<Query, 'cursor'>, cursor: string | undefined) {
  return useQuery({
    queryKey: ['work', 'applications', query, cursor],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/work/applications', { params: { query: { ...query, ...(cursor ? { cursor } : {}) } } }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function ApplicationTable({
  caption,
  query,
  empty,
}: {
  caption: string;
  query: Omit<Query, 'cursor' | 'sort'>;
  empty: string;
}) {
  const { t } = useTranslation('work');
  const pager = useKeysetPager();
  const [sort, setSort] = useState<Sort>('newest');
  const page = useApplicationPage({ ...query, sort }, pager.cursor);
  const columns: Column[] = [
    { key: 'reference', label: t('columns.reference'), sort: { asc: 'reference', desc: 'reference-desc' } },
    { key: 'subject', label: t('columns.subject') },
    { key: 'dob', label: t('columns.dateOfBirth') },
    { key: 'type', label: t('columns.type') },
    { key: 'stage', label: t('columns.stage') },
    { key: 'submitted', label: t('columns.submitted') },
    { key: 'received', label: t('columns.received'), sort: { asc: 'oldest', desc: 'newest' } },
    { key: 'owner', label: t('columns.owner') },
  ];
  const rows = (page.data?.items ?? []).map((a) => ({
    key: a.reference,
    cells: [
      <Link key="ref" href={`/applications/${a.reference}`}>
        {a.reference}
      </Link>,
      a.subjectName ?? '—',
      shortDate(a.subjectDateOfBirth),
      a.applicationType,
      t(`stages.${a.stage as (typeof STAGES)[number]}`, { defaultValue: a.stageLabel }),
      shortDate(a.submittedOn),
      shortDate(a.createdAt),
      a.owner?.fullName ?? t('unassigned'),
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
          if (isSort(s)) setSort(s);
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

export default function ApplicationList() {
  const { t } = useTranslation('work');
  const session = useSession();
  const [text, setText] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [stage, setStage] = useState('all');
  const [owner, setOwner] = useState('any');
  const officers = useOfficers(session.hasRole('team-leader'));
  const [search, setSearch] = useState<{ q?: string; dateOfBirth?: string }>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch({
      ...(text.trim() ? { q: text.trim() } : {}),
      ...(dateOfBirth.trim() ? { dateOfBirth: dateOfBirth.trim() } : {}),
    });
  };
  const clear = () => {
    setText('');
    setDateOfBirth('');
    setSearch({});
  };
  const query: Omit<Query, 'cursor' | 'sort'> = {
    ...search,
    ...(stage !== 'all' ? { stage } : {}),
    ...(owner !== 'any' ? { owner } : {}),
  };
  return (
    <Page title={t('applicationsTitle')} actions={session.hasRole('case-officer') ? <PickUpNext /> : undefined}>
      <p>{t('applicationsIntro')}</p>
      <Form onSubmit={submit} className="row search-form" role="search" aria-label={t('searchButton')}>
        <Field label={t('searchText')} description={t('searchTextHelp')} value={text} onChange={setText} />
        <Field
          label={t('dateOfBirth')}
          description={t('dateOfBirthHelp')}
          value={dateOfBirth}
          onChange={setDateOfBirth}
        />
        <div className="row">
          <Button type="submit" className="button primary">
            {t('searchButton')}
          </Button>
          <Button className="button" onPress={clear}>
            {t('clearSearch')}
          </Button>
        </div>
      </Form>
      <div className="row">
        <Choice
          label={t('stageFilter')}
          value={stage}
          onChange={setStage}
          options={[{ id: 'all', label: t('allStages') }, ...STAGES.map((s) => ({ id: s, label: t(`stages.${s}`) }))]}
        />
        <Choice
          label={t('ownerFilter')}
          value={owner}
          onChange={setOwner}
          options={[
            { id: 'any', label: t('anyOwner') },
            { id: 'me', label: t('ownerMe') },
            { id: 'unassigned', label: t('ownerNone') },
            // A team leader can list another officer's applications.
            ...(officers.data ?? [])
              .filter((o) => o.id !== session.officer?.id)
              .map((o) => ({ id: o.id, label: o.fullName })),
          ]}
        />
      </div>
      <ApplicationTable
        key={JSON.stringify(query)}
        caption={t('applicationsTitle')}
        query={query}
        empty={t('noApplications')}
      />
    </Page>
  );
}
