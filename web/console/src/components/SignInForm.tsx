// A sign-in form: who (an officer's email or an API account's id), the password, and the button. It sends the
// two with `signIn`, shows the refusal, and never keeps the password once it is sent.
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Field } from './Field.tsx';

export interface SignInFormProps {
  who: { label: string; type?: 'email'; value: string; onChange: (value: string) => void };
  labels: { password: string; signIn: string; signingIn: string };
  signIn: (password: string) => Promise<void>;
}

export function SignInForm({ who, labels, signIn }: SignInFormProps) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(password);
      setPassword('');
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
        label={who.label}
        {...(who.type ? { type: who.type } : {})}
        autoComplete="username"
        value={who.value}
        onChange={who.onChange}
        isRequired
      />
      <Field
        label={labels.password}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        isRequired
      />
      <Button type="submit" className="button primary" isDisabled={busy}>
        {busy ? labels.signingIn : labels.signIn}
      </Button>
    </Form>
  );
}
