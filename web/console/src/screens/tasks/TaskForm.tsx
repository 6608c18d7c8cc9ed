// S6 the Confirm Identity task form: General (Outcome, Criteria, Comments, Supporting evidence) and the two
// separate actions: Prepare (case officer) and Validate or Return (a validating officer who did not prepare
// it). Validate is not offered to the officer who prepared the task; if it is tried anyway the server refuses
// and the refusal is shown in plain words.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, CheckboxGroup, Form, Label, Link, Radio, RadioGroup } from 'react-aria-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Answer, type RequestBody } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { longDate } from '../../components/dates.ts';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { personName, useApplication } from '../application/data.ts';
import { criterionLabel, outcomeLabel, taskKindLabel, taskStateLabel } from '../work/labels.ts';
import { Refusal } from '../work/lists.tsx';
import { AssessmentFields, assessmentBody, RecordedAssessment, type AssessmentDraft } from './LivenessAssessment.tsx';

type Task = Answer<'/api/v1/tasks/{taskId}', 'get'>;
type Prepare = RequestBody<'/api/v1/tasks/{taskId}/prepare', 'post'>;
type Outcome = Prepare['outcome'];
type Criterion = Prepare['criteria'][number];

/** Which criteria apply to which task (the server's table; it refuses any other). */
const CRITERIA_BY_TASK: Readonly<Record<string, readonly Criterion[]>> = {
  'identity-is-unique': ['inz-match', 'id-experts-group-decision'],
  'identity-exists': ['inz-match', 'overseas-passport-image', 'original-passport', 'id-experts-group-decision'],
  'identity-is-bound': [
    'liveness-check',
    'consenting-parent-liveness',
    'ams-photo',
    'overseas-passport-image',
    'application-photo',
    'original-passport',
    'identity-confirmation-appointment',
    'signature-binding',
    'id-experts-group-decision',
  ],
};
const OUTCOMES: readonly Outcome[] = ['pass', 'fail'];

function PrepareForm({ task, onDone }: { task: Task; onDone(task: Task, message: string): void }) {
  const { t } = useTranslation('work');
  const [outcome, setOutcome] = useState<Outcome | null>(
    task.outcome === 'pass' || task.outcome === 'fail' ? task.outcome : null,
  );
  const [criteria, setCriteria] = useState<Criterion[]>(
    (task.criteria as Criterion[]).filter((c) => CRITERIA_BY_TASK[task.kind]?.includes(c)),
  );
  const [comments, setComments] = useState(task.comments);
  const [assessment, setAssessment] = useState<AssessmentDraft>({
    result: task.livenessAssessment?.result ?? null,
    linkId: task.livenessAssessment?.linkId ?? '',
    recordings: task.livenessAssessment?.recordings ?? [],
  });
  const { ref = '' } = useParams();
  const application = useApplication(ref);
  // A child's liveness is given by the consenting parent (BR-04): their checks may be assessed on the child's task.
  const assessable = [
    task.personId,
    ...(application.data?.people ?? []).filter((p) => p.relationship === 'consenting-parent').map((p) => p.id),
  ];
  const livenessAssessment = task.kind === 'identity-is-bound' ? assessmentBody(assessment) : undefined;
  const prepare = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/tasks/{taskId}/prepare', {
          params: { path: { taskId: task.id } },
          body: {
            outcome: outcome ?? 'pass',
            criteria,
            comments,
            ...(livenessAssessment ? { livenessAssessment } : {}),
          },
        }),
      ),
    onSuccess: (updated) => onDone(updated, t('prepared')),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    prepare.mutate();
  };
  return (
    <Form onSubmit={submit} className="stack narrow" aria-labelledby="task-general">
      <h2 id="task-general">{t('general')}</h2>
      <RadioGroup
        className="radio-group"
        value={outcome}
        onChange={(v) => setOutcome(v === 'fail' ? 'fail' : 'pass')}
        isRequired
      >
        <Label className="field-label">{t('outcome')}</Label>
        {OUTCOMES.map((o) => (
          <Radio key={o} value={o} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            {outcomeLabel(t, o)}
          </Radio>
        ))}
      </RadioGroup>
      <CheckboxGroup
        className="checkbox-group"
        value={criteria}
        onChange={(values) => setCriteria((CRITERIA_BY_TASK[task.kind] ?? []).filter((c) => values.includes(c)))}
      >
        <Label className="field-label">{t('criteriaLabel')}</Label>
        {(CRITERIA_BY_TASK[task.kind] ?? []).map((c) => (
          <Checkbox key={c} value={c} className="checkbox">
            <span className="checkbox-box" aria-hidden="true" />
            {criterionLabel(t, c)}
          </Checkbox>
        ))}
      </CheckboxGroup>
      {task.kind === 'identity-is-bound' && (
        <AssessmentFields reference={ref} personIds={assessable} draft={assessment} onChange={setAssessment} />
      )}
      <Field
        label={t('comments')}
        description={task.kind === 'identity-is-bound' ? t('commentsHelpBound') : t('commentsHelp')}
        multiline
        value={comments}
        onChange={setComments}
        isRequired
      />
      <Refusal error={prepare.error} />
      <div>
        <Button type="submit" className="button primary" isDisabled={prepare.isPending || outcome === null}>
          {prepare.isPending ? t('preparing') : t('prepare')}
        </Button>
      </div>
    </Form>
  );
}

function Recorded({ task }: { task: Task }) {
  const { t } = useTranslation('work');
  const { ref = '' } = useParams();
  return (
    <section aria-labelledby="task-general">
      <h2 id="task-general">{t('general')}</h2>
      <dl className="facts">
        <dt>{t('outcome')}</dt>
        <dd>{outcomeLabel(t, task.outcome)}</dd>
        <dt>{t('criteriaLabel')}</dt>
        <dd>{task.criteria.length ? task.criteria.map((c) => criterionLabel(t, c)).join(', ') : '---'}</dd>
        {task.livenessAssessment && <RecordedAssessment reference={ref} task={task} />}
        <dt>{t('comments')}</dt>
        <dd className="wrap-anywhere">{task.comments || '---'}</dd>
        <dt>{t('supportingEvidence')}</dt>
        <dd>{task.supportingEvidence.length ? task.supportingEvidence.map((e) => e.name).join(', ') : t('noData')}</dd>
      </dl>
    </section>
  );
}

function ValidateActions({ task, onDone }: { task: Task; onDone(task: Task, message: string): void }) {
  const { t } = useTranslation('work');
  const [comments, setComments] = useState('');
  const [reason, setReason] = useState('');
  const validate = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/tasks/{taskId}/validate', {
          params: { path: { taskId: task.id } },
          body: comments.trim() ? { comments: comments.trim() } : {},
        }),
      ),
    onSuccess: (updated) => onDone(updated, t('validated')),
  });
  const giveBack = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/tasks/{taskId}/return', { params: { path: { taskId: task.id } }, body: { reason } }),
      ),
    onSuccess: (updated) => onDone(updated, t('returned', { name: updated.preparedByName ?? '' })),
  });
  return (
    <div className="stack narrow">
      <Refusal error={validate.error ?? giveBack.error} />
      <Form
        className="stack"
        aria-label={t('validate')}
        onSubmit={(event) => {
          event.preventDefault();
          validate.mutate();
        }}
      >
        <Field label={t('validateComments')} multiline value={comments} onChange={setComments} />
        <div>
          <Button type="submit" className="button primary" isDisabled={validate.isPending}>
            {validate.isPending ? t('validating') : t('validate')}
          </Button>
        </div>
      </Form>
      <Form
        className="stack"
        aria-label={t('returnTask')}
        onSubmit={(event) => {
          event.preventDefault();
          giveBack.mutate();
        }}
      >
        <Field label={t('returnReason')} multiline value={reason} onChange={setReason} isRequired />
        <div>
          <Button type="submit" className="button" isDisabled={giveBack.isPending}>
            {giveBack.isPending ? t('returning') : t('returnTask')}
          </Button>
        </div>
      </Form>
    </div>
  );
}

function History({ task }: { task: Task }) {
  const { t } = useTranslation('work');
  if (task.history.length === 0) return null;
  return (
    <section aria-labelledby="task-history">
      <h2 id="task-history">{t('history')}</h2>
      <ol>
        {task.history.map((h, i) => (
          <li key={i}>
            {longDate(h.on)}: {taskStateLabel(t, h.from)} → {taskStateLabel(t, h.to)}
            {` (${h.byName}${h.throughName ? `, ${t('actingThrough', { name: h.throughName })}` : ''})`}
            {h.note ? ` — ${h.note}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

export default function TaskForm() {
  const { t } = useTranslation('work');
  const { ref = '', taskId = '' } = useParams();
  const session = useSession();
  const queryClient = useQueryClient();
  const application = useApplication(ref);
  const [message, setMessage] = useState('');
  const task = useQuery({
    queryKey: ['task', taskId],
    queryFn: async () => unwrap(await api.GET('/api/v1/tasks/{taskId}', { params: { path: { taskId } } })),
  });
  const done = (updated: Task, text: string) => {
    queryClient.setQueryData(['task', taskId], updated);
    void queryClient.invalidateQueries({ queryKey: ['work'] });
    void queryClient.invalidateQueries({ queryKey: ['application', ref, 'tasks'] });
    setMessage(text);
  };
  const data = task.data;
  const me = session.officer?.id;
  const name = data ? personName(application.data, data.personId) : '';
  const title = data ? t('taskTitle', { task: taskKindLabel(t, data.kind), name }) : t('columns.task');
  const mayPrepare = data && (data.state === 'open' || data.state === 'returned') && session.hasRole('case-officer');
  const preparedByMe = data?.preparedBy !== null && data?.preparedBy === me;
  const mayValidate = data && data.state === 'prepared' && session.hasRole('validating-officer') && !preparedByMe;
  return (
    <Page title={title}>
      <p>
        <Link href={`/applications/${encodeURIComponent(ref)}/identity`}>{t('backToRecord', { ref })}</Link> ·{' '}
        {t('confirmIdentity')}
      </p>
      <Refusal error={task.error} />
      <p role="status" className={message ? 'notice notice-ok' : 'visually-hidden'}>
        {message}
      </p>
      {data && (
        <>
          <dl className="record-header">
            <div>
              <dt>{t('subjectPerson')}</dt>
              <dd>{name}</dd>
            </div>
            <div>
              <dt>{t('serviceRequest')}</dt>
              <dd>{ref}</dd>
            </div>
            <div>
              <dt>{t('taskState')}</dt>
              <dd>{taskStateLabel(t, data.state)}</dd>
            </div>
          </dl>
          {data.preparedBy && (
            <p>{preparedByMe ? t('preparedByYou') : t('preparedByOther', { name: data.preparedByName ?? '' })}</p>
          )}
          {data.validatedBy && <p>{t('validatedBy', { name: data.validatedByName ?? '' })}</p>}
          {mayPrepare ? <PrepareForm key={data.revision} task={data} onDone={done} /> : <Recorded task={data} />}
          {mayValidate && <ValidateActions key={data.revision} task={data} onDone={done} />}
          {!mayPrepare && !mayValidate && data.state !== 'prepared' && data.state !== 'validated' && (
            <p>{t('notYourRole')}</p>
          )}
          <History task={data} />
        </>
      )}
    </Page>
  );
}
