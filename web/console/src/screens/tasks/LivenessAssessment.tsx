// The liveness assessment on "Identity is bound" (S6): the officer's own judgement of a completed liveness check
// — Satisfactory or Not satisfactory — naming the check and the challenge recordings watched (BR-11, BR-15).
// Only a satisfactory assessment counts as the grid's "Liveness Test". The validator sees the check named, one
// click from the recording (BR-16).
import { Checkbox, CheckboxGroup, Label, Link, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RequestBody, Answer } from '../../api/client.ts';
import { useCurrentLinks } from '../application/data.ts';
import { evidenceAddress, linkAddress, useLink } from '../liveness-links/data.ts';

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

/** The recorded assessment, with the check it names one click from its recordings (BR-16). */
export function RecordedAssessment({
  reference,
  assessment,
}: {
  reference: string;
  assessment: NonNullable<Task['livenessAssessment']>;
}) {
  const { t } = useTranslation('work');
  const link = useLink(assessment.linkId);
  const sessionId = link.data?.sessionId;
  return (
    <>
      <dt>{t('livenessAssessment')}</dt>
      <dd>
        {t(`assessmentResults.${assessment.result}`)} · {t('recordingsWatched')}:{' '}
        {assessment.recordings.map((r) => t(`recordings.${r}`)).join(', ')} ·{' '}
        <Link href={sessionId ? evidenceAddress(reference, sessionId) : linkAddress(reference, assessment.linkId)}>
          {t('openAssessedCheck')}
        </Link>
      </dd>
    </>
  );
}
