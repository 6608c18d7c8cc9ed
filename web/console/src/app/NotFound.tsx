import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page.tsx';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound')}>
      <p>
        <a href="/">{t('appName')}</a>
      </p>
    </Page>
  );
}
