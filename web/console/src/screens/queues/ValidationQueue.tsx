// Tasks waiting for validation by someone other than me (four-eyes: the server never lists my own).
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { TaskTable } from '../work/TaskTable.tsx';

export default function ValidationQueue() {
  const { t } = useTranslation('work');
  return (
    <Page title={t('validationTitle')}>
      <p>{t('validationIntro')}</p>
      <TaskTable queue="validation" caption={t('validationTitle')} empty={t('noValidation')} />
    </Page>
  );
}
