// The liveness assessment on "Identity is bound" (S6): the officer's own judgement of a completed liveness check
// — Satisfactory or Not satisfactory — naming the check and the challenge recordings watched (BR-11, BR-15).
// Only a satisfactory assessment counts as the grid's "Liveness Test". The validator sees the check named, one
// click from the recording, and whether the validator opened it (BR-16).
import { Button, Checkbox, CheckboxGroup, Label, Link, Radio, RadioGroup } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type RequestBody, type Answer } from '../../api/client.ts';
import { instant } from '../../components/dates.ts';
import { useCurrentLinks } from '../application/data.ts';
import { Refusal } from '../work/lists.tsx';
import { evidenceAddress, linkAddress } from '../liveness-links/data.ts';

export type Assessment = NonNullable<RequestBody<'/api/v1/tasks/{taskId}/prepare', 'post'>['livenessAssessment']>;
type Recording = Assessment['recordings'][number];
type Result = Assessment['result'];
const RESULTS: readonly Result[] = ['satisfactory', 'not-satisfactory'];
const RECORDINGS: readonly Recording[] = ['blink', 'nod', 'shake'];
type Task = Answer<'/api/v1/tasks/{taskId}', 'get'>;

export interface AssessmentDraft {
  result: Result | null;
  linkId: string;
  recordings: Recording[];
}

/** The draft as the API takes it, or undefined when no assessment was chosen. */
export function assessmentBody(draft: AssessmentDraft): Assessment | undefined {
  return draft.result === null
    ? undefined
    : { result: draft.result, linkId: draft.linkId, recordings: draft.recordings };
}

export function AssessmentFields({
  reference,
  personIds,
  draft,
  onChange,
}: {
  reference: string;
  personIds: readonly string[];
  draft: AssessmentDraft;
  onChange(draft: AssessmentDraft): void;
}) {
  const { t } = useTranslation('work');
  const links = useCurrentLinks(reference);
  const completed = (links.data ?? []).filter((l) => l.status === 'Completed' && personIds.includes(l.personId));
  return (
    <fieldset className="stack">
      <legend className="field-label">{t('livenessAssessment')}</legend>
      {completed.length === 0 ? (
        <p className="hint">{t('noCompletedCheck')}</p>
      ) : (
        <>
          <label className="field">
            <span className="field-label">{t('assessedCheck')}</span>
            <select value={draft.linkId} onChange={(e) => onChange({ ...draft, linkId: e.target.value })}>
              <option value="">{t('chooseCheck')}</option>
              {completed.map((l) => (
                <option key={l.id} value={l.id}>
                  {t('checkOption', {
                    email: l.email,
                    when: l.completedAt
                      ? new Date(l.completedAt).toLocaleString('en-NZ', { timeZone: 'Pacific/Auckland' })
                      : '',
                  })}
                </option>
              ))}
            </select>
          </label>
          <RadioGroup
            className="radio-group"
            value={draft.result}
            onChange={(v) =>
              onChange({ ...draft, result: v === 'not-satisfactory' ? 'not-satisfactory' : 'satisfactory' })
            }
          >
            <Label className="field-label">{t('assessmentResult')}</Label>
            {RESULTS.map((r) => (
              <Radio key={r} value={r} className="radio">
                <span className="radio-dot" aria-hidden="true" />
                {t(`assessmentResults.${r}`)}
              </Radio>
            ))}
          </RadioGroup>
          <CheckboxGroup
            className="checkbox-group"
            value={draft.recordings}
            onChange={(values) => onChange({ ...draft, recordings: RECORDINGS.filter((r) => values.includes(r)) })}
          >
            <Label className="field-label">{t('recordingsWatched')}</Label>
            {RECORDINGS.map((r) => (
              <Checkbox key={r} value={r} className="checkbox">
                <span className="checkbox-box" aria-hidden="true" />
                {t(`recordings.${r}`)}
              </Checkbox>
            ))}
          </CheckboxGroup>
        </>
      )}
    </fieldset>
  );
}

/**
 * The recorded assessment, with the check it names one click from its recordings (BR-16): opening it goes through
 * the server, which records who opened it; the validation shows whether its validator did.
 */
export function RecordedAssessment({ reference, task }: { reference: string; task: Task }) {
  const { t } = useTranslation('work');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const assessment = task.livenessAssessment;
  const open = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/tasks/{taskId}/recording/open', { params: { path: { taskId: task.id } } })),
    onSuccess: (opened) => {
      void queryClient.invalidateQueries({ queryKey: ['task', task.id] });
      void navigate(`${evidenceAddress(reference, opened.sessionId)}/newest/recordings`);
    },
  });
  if (!assessment) return null;
  return (
    <>
      <dt>{t('livenessAssessment')}</dt>
      <dd>
        {t(`assessmentResults.${assessment.result}`)} · {t('recordingsWatched')}:{' '}
        {assessment.recordings.map((r) => t(`recordings.${r}`)).join(', ')} ·{' '}
        <Button className="link-button" onPress={() => open.mutate()} isDisabled={open.isPending}>
          {t('openAssessedCheck')}
        </Button>{' '}
        <Link href={linkAddress(reference, assessment.linkId)}>{t('assessedCheckRecord')}</Link>
        <Refusal error={open.error} />
      </dd>
      <dt>{t('recordingOpenedBy')}</dt>
      <dd>
        {task.recordingOpenedBy.length === 0
          ? t('recordingNotOpened')
          : task.recordingOpenedBy.map((o) => `${o.officerName} (${instant(o.at)})`).join(', ')}
        {task.validatedWithoutOpeningRecording === true && <p className="notice">{t('validatedWithoutOpening')}</p>}
      </dd>
    </>
  );
}
