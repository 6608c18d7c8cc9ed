// Tasks waiting for validation by someone other than me (four-eyes: the server never lists my own), not picked up
// by another validator; "Pick up the next task to validate" makes the oldest mine.
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { useSession } from '../../app/session.tsx';
import { PickUpNextValidation } from '../work/lists.tsx';
import { TaskTable } from '../work/TaskTable.tsx';

export default function ValidationQueue() {
  const { t } = useTranslation('work');
  const session = useSession();
  return (
    <Page
      title={t('validationTitle')}
      actions={session.hasRole('validating-officer') ? <PickUpNextValidation /> : undefined}
    >
      <p>{t('validationIntro')}</p>
      <TaskTable queue="validation" caption={t('validationTitle')} empty={t('noValidation')} />
    </Page>
  );
}
