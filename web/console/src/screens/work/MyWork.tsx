// My work: the tasks I hold to prepare or have picked up to validate, and the applications I have picked up; pick
// up the next one. A team leader can look at any case officer's or validating officer's work instead.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { Page } from '../../components/Page.tsx';
import { ApplicationTable } from '../applications/ApplicationList.tsx';
import { Choice } from './Choice.tsx';
import { PickUpNext, PickUpNextTask, PickUpNextValidation, Refusal } from './lists.tsx';
import { TaskTable } from './TaskTable.tsx';
import { useOfficers } from './officers.ts';

const ME = 'me';

export default function MyWork() {
  const { t } = useTranslation('work');
  const session = useSession();
  const leader = session.hasRole('team-leader');
  const officers = useOfficers(leader);
  const [whose, setWhose] = useState(ME);
  const other = whose === ME || whose === session.officer?.id ? undefined : whose;
  const otherName = officers.data?.find((o) => o.id === other)?.fullName;
  const actions = (
    <div className="row">
      {session.hasRole('case-officer') && <PickUpNextTask />}
      {session.hasRole('case-officer') && <PickUpNext />}
      {session.hasRole('validating-officer') && <PickUpNextValidation />}
    </div>
  );
  const tasksCaption = other ? `${t('myTasks')} · ${otherName ?? ''}` : t('myTasks');
  const applicationsCaption = other ? `${t('myApplications')} · ${otherName ?? ''}` : t('myApplications');
  return (
    <Page title={other ? t('myWorkOf', { name: otherName ?? '' }) : t('myWorkTitle')} actions={actions}>
      <p>{t('myWorkIntro')}</p>
      {leader && (
        <div className="stack">
          <Refusal error={officers.error} />
          <Choice
            label={t('whoseWork')}
            value={whose}
            onChange={setWhose}
            options={[
              { id: ME, label: t('ownerMe') },
              ...(officers.data ?? [])
                .filter((o) => o.id !== session.officer?.id)
                .map((o) => ({ id: o.id, label: o.fullName })),
            ]}
          />
          <p className="hint">{t('whoseWorkHelp')}</p>
        </div>
      )}
      <section aria-labelledby="my-tasks">
        <h2 id="my-tasks">{tasksCaption}</h2>
        <TaskTable
          key={whose}
          queue="mine"
          caption={tasksCaption}
          empty={t('noTasks')}
          {...(other ? { officerId: other } : {})}
        />
      </section>
      <section aria-labelledby="my-applications">
        <h2 id="my-applications">{applicationsCaption}</h2>
        <ApplicationTable
          key={whose}
          caption={applicationsCaption}
          query={{ owner: other ?? 'me' }}
          empty={t('noApplications')}
        />
      </section>
    </Page>
  );
}
