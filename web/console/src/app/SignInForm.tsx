// The sign-in form, used as a page and inside the "session ended" dialog.
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Field } from '../components/Field.tsx';
import { useSession } from './session.tsx';

export function SignInForm({ email: knownEmail }: { email?: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [email, setEmail] = useState(knownEmail ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = unwrap(await api.POST('/api/v1/session', { body: { email, password } }));
      setPassword('');
      session.signedIn(answer.officer);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form onSubmit={(event) => void submit(event)} className="stack">
      <ErrorNotice error={error} />
      <Field
        label={t('session.email')}
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        isRequired
      />
      <Field
        label={t('session.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        isRequired
      />
      <Button type="submit" className="button primary" isDisabled={busy}>
        {busy ? t('session.signingIn') : t('session.signIn')}
      </Button>
    </Form>
  );
}
