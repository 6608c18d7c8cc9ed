// My work: the tasks I hold (not yet validated) and the applications I have picked up; pick up the next one.
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { Page } from '../../components/Page.tsx';
import { ApplicationTable } from '../applications/ApplicationList.tsx';
import { PickUpNext, PickUpNextTask } from './lists.tsx';
import { TaskTable } from './TaskTable.tsx';

export default function MyWork() {
  const { t } = useTranslation('work');
  const session = useSession();
  return (
    <Page
      title={t('myWorkTitle')}
      actions={
        session.hasRole('case-officer') ? (
          <div className="row">
            <PickUpNextTask />
            <PickUpNext />
          </div>
        ) : undefined
      }
    >
      <p>{t('myWorkIntro')}</p>
      <section aria-labelledby="my-tasks">
        <h2 id="my-tasks">{t('myTasks')}</h2>
        <TaskTable queue="mine" caption={t('myTasks')} empty={t('noTasks')} />
      </section>
      <section aria-labelledby="my-applications">
        <h2 id="my-applications">{t('myApplications')}</h2>
        <ApplicationTable caption={t('myApplications')} query={{ owner: 'me' }} empty={t('noApplications')} />
      </section>
    </Page>
  );
}
