// The officer sign-in form, used as a page and inside the "session ended" dialog.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { SignInForm as CredentialsForm } from '../components/SignInForm.tsx';
import { useSession } from './session.tsx';

export function SignInForm({ email: knownEmail }: { email?: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [email, setEmail] = useState(knownEmail ?? '');
  return (
    <CredentialsForm
      who={{ label: t('session.email'), type: 'email', value: email, onChange: setEmail }}
      labels={{ password: t('session.password'), signIn: t('session.signIn'), signingIn: t('session.signingIn') }}
      signIn={async (password) => {
        const answer = unwrap(await api.POST('/api/v1/session', { body: { email, password } }));
        session.signedIn(answer.officer);
      }}
    />
  );
}
