// One escalation to the ID Proofing Experts Group: the template as raised (person, task, grid column, evidence,
// options tried, case summary, recommendation, meeting) and, for an ID proofing expert who did not raise it,
// the form that records the group's decision after the meeting (outcome and rationale).
import { useState, type FormEvent } from 'react';
import { Button, Form, Label, Link, Radio, RadioGroup } from 'react-aria-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Answer, type RequestBody } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { longDate } from '../../components/dates.ts';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { escalationOutcomeLabel, escalationStatusLabel, taskKindLabel } from '../work/labels.ts';
import { Refusal } from '../work/lists.tsx';

type Escalation = Answer<'/api/v1/escalations/{escalationId}', 'get'>;
type Outcome = RequestBody<'/api/v1/escalations/{escalationId}/decision', 'post'>['outcome'];
const OUTCOMES: readonly Outcome[] = [
  'identity-proofing-achieved',
  'identity-proofing-not-achieved',
  'further-evidence-required',
];
const EVIDENCE = ['amsPhoto', 'overseasPassportImage', 'applicationPhoto', 'livenessTest'] as const;
const OPTIONS = ['send-liveness-link', 'send-original-passport', 'identity-confirmation-appointment'] as const;
const optionKey = (o: string) => OPTIONS.find((x) => x === o);

function DecisionForm({ escalation }: { escalation: Escalation }) {
  const { t } = useTranslation('work');
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [rationale, setRationale] = useState('');
  const decide = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/escalations/{escalationId}/decision', {
          params: { path: { escalationId: escalation.id } },
          body: { outcome: outcome ?? 'further-evidence-required', rationale },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(['escalation', escalation.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['work', 'escalations'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate();
  };
  return (
    <Form onSubmit={submit} className="stack narrow" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('escalate.decision')}</h2>
      <p className="hint">{t('escalate.decisionIntro')}</p>
      <RadioGroup
        className="radio-group"
        value={outcome}
        onChange={(v) => setOutcome(OUTCOMES.find((o) => o === v) ?? null)}
        isRequired
      >
        <Label className="field-label">{t('outcome')}</Label>
        {OUTCOMES.map((o) => (
          <Radio key={o} value={o} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            {escalationOutcomeLabel(t, o)}
          </Radio>
        ))}
      </RadioGroup>
      <Field label={t('escalate.rationale')} multiline value={rationale} onChange={setRationale} isRequired />
      <Refusal error={decide.error} />
      <div>
        <Button type="submit" className="button primary" isDisabled={decide.isPending || outcome === null}>
          {decide.isPending ? t('escalate.deciding') : t('escalate.decide')}
        </Button>
      </div>
    </Form>
  );
}

export default function EscalationRecord() {
  const { t } = useTranslation('work');
  const { escalationId = '' } = useParams();
  const session = useSession();
  const escalation = useQuery({
    queryKey: ['escalation', escalationId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/escalations/{escalationId}', { params: { path: { escalationId } } })),
  });
  const e = escalation.data;
  return (
    <Page title={t('escalate.recordTitle', { name: e?.template.personName ?? '…' })}>
      <p>
        <Link href="/queues/escalations">{t('escalate.back')}</Link>
      </p>
      <Refusal error={escalation.error} />
      {escalation.isPending && <p role="status">…</p>}
      {e && (
        <>
          <h2>{t('escalate.template')}</h2>
          <dl className="facts">
            <dt>{t('columns.reference')}</dt>
            <dd>
              <Link href={`/applications/${e.applicationRef}/identity`}>{e.applicationRef}</Link>
            </dd>
            <dt>{t('columns.person')}</dt>
            <dd>{e.template.personName}</dd>
            <dt>{t('columns.task')}</dt>
            <dd>{taskKindLabel(t, e.template.task)}</dd>
            <dt>{t('columns.gridColumn')}</dt>
            <dd>{e.template.gridColumn ?? '—'}</dd>
            <dt>{t('escalate.evidence')}</dt>
            <dd>
              {EVIDENCE.map((k) => `${e.template.evidence[k] ? '✓' : '✗'} ${t(`evidenceKinds.${k}`)}`).join(' · ')}
            </dd>
            <dt>{t('escalate.optionsTried')}</dt>
            <dd>
              {e.template.optionsTried.length === 0
                ? '—'
                : e.template.optionsTried
                    .map((o) => {
                      const k = optionKey(o);
                      return k ? t(`options.${k}`) : o;
                    })
                    .join(', ')}
            </dd>
            <dt>{t('escalate.caseSummary')}</dt>
            <dd className="prose">{e.template.caseSummary}</dd>
            <dt>{t('escalate.recommendation')}</dt>
            <dd className="prose">{e.template.recommendation}</dd>
            <dt>{t('columns.raisedOn')}</dt>
            <dd>{longDate(e.raisedOn)}</dd>
            <dt>{t('escalate.meeting')}</dt>
            <dd>{longDate(e.reviewOn)}</dd>
            <dt>{t('columns.status')}</dt>
            <dd>{escalationStatusLabel(t, e.status)}</dd>
          </dl>
          {e.decision ? (
            <section aria-labelledby="decision-heading">
              <h2 id="decision-heading">{t('escalate.decision')}</h2>
              {escalation.isFetched && (
                <p role="status" className="notice notice-ok">
                  {escalationOutcomeLabel(t, e.decision.outcome)}
                </p>
              )}
              <dl className="facts">
                <dt>{t('escalate.rationale')}</dt>
                <dd className="prose">{e.decision.rationale}</dd>
                <dt>{t('escalate.decidedOn')}</dt>
                <dd>{longDate(e.decision.decidedOn)}</dd>
              </dl>
            </section>
          ) : (
            e.status === 'queued' &&
            session.hasRole('id-proofing-expert') &&
            session.officer?.id !== e.raisedBy && <DecisionForm escalation={e} />
          )}
        </>
      )}
    </Page>
  );
}
