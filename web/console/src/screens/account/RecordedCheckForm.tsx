// The shell of an administrator's recorded check (seed 004 modes): the check's own fields, then the outcome, what it
// confirms and who did it, sent in one request. The result's comment and email are kept with the result. A field the
// server refuses shows the server's words under it until it is changed.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Form } from 'react-aria-components';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, type Answer } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Choice } from '../work/Choice.tsx';
import { Refusal } from '../work/lists.tsx';

export type CurrentStatus = Answer<'/api/v1/verifications/{verificationId}', 'get'>;
type Outcome = 'VERIFIED' | 'FAILED';
type Confirmation = 'nameDob' | 'nameAddress';
const CONFIRM_OPTIONS = ['nameDob', 'nameAddress', 'both'] as const;
const CONFIRMS: Record<(typeof CONFIRM_OPTIONS)[number], Confirmation[]> = {
  nameDob: ['nameDob'],
  nameAddress: ['nameAddress'],
  both: ['nameDob', 'nameAddress'],
};
const confirmsOf = (id: string): Confirmation[] => CONFIRMS[CONFIRM_OPTIONS.find((o) => o === id) ?? 'nameDob'];

/** The server's refusals by field (named as the API names them), to show under each field. */
const problemsByField = (error: unknown): Record<string, string> =>
  error instanceof ApiError ? Object.fromEntries(error.problems.map((p) => [p.field, p.message])) : {};

/** A field of the form as the server knows it: its refusal to show, and a change that takes the refusal away. */
export interface Refusals {
  problem(field: string): string | undefined;
  edited(field: string): void;
}

/** What every recorded check sends, whatever its own fields. */
export interface RecordedResult {
  outcome: Outcome;
  confirms: Confirmation[];
  comment: string;
  adminEmail: string;
}

export function RecordedCheckForm(props: {
  id: string;
  title: string;
  intro: string;
  button: string;
  send(result: RecordedResult): Promise<CurrentStatus>;
  onDone(s: CurrentStatus): void;
  children(refusals: Refusals): ReactNode;
}) {
  const { t } = useTranslation('account');
  const [outcome, setOutcome] = useState<Outcome>('VERIFIED');
  const [confirms, setConfirms] = useState('nameDob');
  const [comment, setComment] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const record = useMutation({
    mutationFn: () => props.send({ outcome, confirms: confirmsOf(confirms), comment, adminEmail }),
    onSuccess: props.onDone,
    onMutate: () => setRefused({}),
    onError: (error) => setRefused(problemsByField(error)),
  });
  // a refused field stays marked until it is changed (a marked field would hold the browser's submit back)
  const [refused, setRefused] = useState<Record<string, string>>({});
  const refusals: Refusals = {
    problem: (field) => refused[field],
    edited: (field) =>
      setRefused((current) => Object.fromEntries(Object.entries(current).filter(([name]) => name !== field))),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  const heading = `${props.id}-heading`;
  return (
    <Form onSubmit={submit} className="stack narrow" aria-labelledby={heading}>
      <h2 id={heading}>{props.title}</h2>
      <p className="hint">{props.intro}</p>
      {props.children(refusals)}
      <Choice
        label={t('recorded.outcome')}
        value={outcome}
        onChange={(v) => setOutcome(v === 'FAILED' ? 'FAILED' : 'VERIFIED')}
        options={[
          { id: 'VERIFIED', label: t('recorded.outcomes.VERIFIED') },
          { id: 'FAILED', label: t('recorded.outcomes.FAILED') },
        ]}
      />
      <Choice
        label={t('recorded.confirms')}
        value={confirms}
        onChange={setConfirms}
        options={CONFIRM_OPTIONS.map((id) => ({ id, label: t(`recorded.confirmsOptions.${id}`) }))}
      />
      <Field
        label={t('comment')}
        multiline
        value={comment}
        onChange={(value) => {
          setComment(value);
          refusals.edited('comment');
        }}
        errorMessage={refusals.problem('comment')}
        isRequired
      />
      <Field
        label={t('adminEmail')}
        type="email"
        value={adminEmail}
        onChange={(value) => {
          setAdminEmail(value);
          refusals.edited('adminEmail');
        }}
        errorMessage={refusals.problem('adminEmail')}
        isRequired
      />
      <Refusal error={record.error} />
      <div>
        <Button type="submit" className="button primary" isDisabled={record.isPending}>
          {record.isPending ? t('overriding') : props.button}
        </Button>
      </div>
    </Form>
  );
}
