// The ID Proofing Experts Group's queue: escalations waiting for the Wednesday meeting (read-only here).
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { EscalationTable } from '../work/EscalationTable.tsx';

export default function EscalationQueue() {
  const { t } = useTranslation('work');
  return (
    <Page title={t('escalationsTitle')}>
      <p>{t('escalationsIntro')}</p>
      <EscalationTable caption={t('escalationsTitle')} empty={t('noEscalations')} />
    </Page>
  );
}
