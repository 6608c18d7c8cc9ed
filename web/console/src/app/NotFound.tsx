import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page.tsx';
import { useBranding } from './branding.ts';

export function NotFound() {
  const { t } = useTranslation();
  const officeName = useBranding()?.officeName ?? t('appName');
  return (
    <Page title={t('notFound')}>
      <p>
        <a href="/">{officeName}</a>
      </p>
    </Page>
  );
}
