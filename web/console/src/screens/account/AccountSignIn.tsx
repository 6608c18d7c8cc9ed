// The account administrators' sign-in: the API account's id and password open a console session (an HttpOnly
// cookie); the password is never kept in the page.
import { useState } from 'react';
import { Link } from 'react-aria-components';
import { Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useAccountSession } from '../../app/account-session.ts';
import { SignInForm } from '../../components/SignInForm.tsx';
import { Page } from '../../components/Page.tsx';

function safeNext(next: string | null): string {
  return next && next.startsWith('/account/') && !next.startsWith('//') ? next : '/account/verifications';
}

export default function AccountSignIn() {
  const { t } = useTranslation('account');
  const session = useAccountSession();
  const [params] = useSearchParams();
  const [accountId, setAccountId] = useState('');
  if (session.account) return <Navigate to={safeNext(params.get('next'))} replace />;
  return (
    <Page title={t('signInTitle')}>
      <div className="narrow stack">
        <p>{t('signInIntro')}</p>
        <SignInForm
          who={{ label: t('accountId'), value: accountId, onChange: setAccountId }}
          labels={{ password: t('password'), signIn: t('signIn'), signingIn: t('signingIn') }}
          signIn={async (password) => {
            const answer = unwrap(await api.POST('/api/v1/account-session', { body: { accountId, password } }));
            session.signedIn(answer.account);
          }}
        />
        <p>
          <Link href="/signin">{t('officerSignIn')}</Link>
        </p>
      </div>
    </Page>
  );
}
