// The "ID experts group template" from the proofing grid's escalate step: the task, the grid column and the
// evidence come from the grid's suggestion; the officer ticks the options tried and writes the case summary and
// a recommendation. The server checks the role and the template and sets the Wednesday meeting.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, CheckboxGroup, Form, Label } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type RequestBody } from '../../api/client.ts';
import { longDate } from '../../components/dates.ts';
import { Field } from '../../components/Field.tsx';
import { Choice } from '../work/Choice.tsx';
import { taskKindLabel } from '../work/labels.ts';
import { Refusal } from '../work/lists.tsx';
import type { Application, Person } from './data.ts';

type Raise = RequestBody<'/api/v1/escalations', 'post'>;
type Option = Raise['optionsTried'][number];
type TaskKind = Raise['task'];
const OPTIONS: readonly Option[] = [
  'send-liveness-link',
  'send-original-passport',
  'identity-confirmation-appointment',
];
const TASKS: readonly TaskKind[] = ['identity-is-bound', 'identity-exists', 'identity-is-unique'];

export function RaiseEscalation({
  application,
  person,
  column,
  evidence,
  optionsTried,
}: {
  application: Application;
  person: Person;
  column: number | null;
  evidence: Raise['evidence'];
  optionsTried: readonly Option[];
}) {
  const { t } = useTranslation('work');
  const queryClient = useQueryClient();
  const [task, setTask] = useState<TaskKind>('identity-is-bound');
  const [tried, setTried] = useState<Option[]>([...optionsTried]);
  const [caseSummary, setCaseSummary] = useState('');
  const [recommendation, setRecommendation] = useState('');
  const raise = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/escalations', {
          body: {
            applicationRef: application.reference,
            personId: person.id,
            task,
            gridColumn: column,
            evidence,
            optionsTried: tried,
            caseSummary,
            recommendation,
          },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['work', 'escalations'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    raise.mutate();
  };
  if (raise.data) {
    return (
      <p role="status" className="notice notice-ok">
        {t('escalate.raised', { date: longDate(raise.data.reviewOn) })}
      </p>
    );
  }
  return (
    <Form onSubmit={submit} className="stack narrow" aria-labelledby={`escalate-${person.id}`}>
      <h5 id={`escalate-${person.id}`}>{t('escalate.title')}</h5>
      <p className="hint">{t('escalate.intro')}</p>
      <Choice
        label={t('escalate.task')}
        value={task}
        onChange={(v) => setTask(TASKS.find((k) => k === v) ?? 'identity-is-bound')}
        options={TASKS.map((k) => ({ id: k, label: taskKindLabel(t, k) }))}
      />
      <CheckboxGroup
        className="checkbox-group"
        value={tried}
        onChange={(values) => setTried(OPTIONS.filter((o) => values.includes(o)))}
      >
        <Label className="field-label">{t('escalate.optionsTried')}</Label>
        {OPTIONS.map((o) => (
          <Checkbox key={o} value={o} className="checkbox">
            <span className="checkbox-box" aria-hidden="true" />
            {t(`options.${o}`)}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <Field
        label={t('escalate.caseSummary')}
        description={t('escalate.caseSummaryHelp')}
        multiline
        value={caseSummary}
        onChange={setCaseSummary}
        isRequired
      />
      <Field
        label={t('escalate.recommendation')}
        multiline
        value={recommendation}
        onChange={setRecommendation}
        isRequired
      />
      <Refusal error={raise.error} />
      <div>
        <Button type="submit" className="button primary" isDisabled={raise.isPending}>
          {raise.isPending ? t('escalate.raising') : t('escalate.raise')}
        </Button>
      </div>
    </Form>
  );
}
