// The account administrators' sign-in: the API account's id and password open a console session (an HttpOnly
// cookie); the password is never kept in the page.
import { useState, type FormEvent } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useAccountSession } from '../../app/account-session.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';

function safeNext(next: string | null): string {
  return next && next.startsWith('/account/') && !next.startsWith('//') ? next : '/account/verifications';
}

export default function AccountSignIn() {
  const { t } = useTranslation('account');
  const session = useAccountSession();
  const [params] = useSearchParams();
  const [accountId, setAccountId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (session.account) return <Navigate to={safeNext(params.get('next'))} replace />;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = unwrap(await api.POST('/api/v1/account-session', { body: { accountId, password } }));
      setPassword('');
      session.signedIn(answer.account);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title={t('signInTitle')}>
      <div className="narrow stack">
        <p>{t('signInIntro')}</p>
        <Form onSubmit={(event) => void submit(event)} className="stack">
          <ErrorNotice error={error} />
          <Field label={t('accountId')} autoComplete="username" value={accountId} onChange={setAccountId} isRequired />
          <Field
            label={t('password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            isRequired
          />
          <Button type="submit" className="button primary" isDisabled={busy}>
            {busy ? t('signingIn') : t('signIn')}
          </Button>
        </Form>
        <p>
          <Link href="/signin">{t('officerSignIn')}</Link>
        </p>
      </div>
    </Page>
  );
}
