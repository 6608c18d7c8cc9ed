import { Link } from 'react-aria-components';
import { Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page.tsx';
import { useSession } from './session.tsx';
import { SignInForm } from './SignInForm.tsx';

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/work';
}

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  if (session.officer) return <Navigate to={safeNext(params.get('next'))} replace />;
  return (
    <Page title={t('session.signInTitle')}>
      <div className="narrow stack">
        <SignInForm />
        <p>
          <Link href="/account/signin">{t('accountSignIn', { ns: 'account' })}</Link>
        </p>
      </div>
    </Page>
  );
}
