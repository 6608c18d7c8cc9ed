// D1–D5 the liveness evidence of one check: the ID Checks list (one row per attempt set, newest first), and for
// the chosen set its Overview, Evaluation (each assessment with its result and reason), Faces (the trusted
// source face beside the selfie: Result, FMR, Threshold) and Recordings (the challenge frames). The engine's
// results are advice; the officer records the assessment on the task "Identity is bound".
import { Link, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { instant } from '../../components/dates.ts';
import { Page } from '../../components/Page.tsx';
import { personName, useApplication, useTasks, type Application } from '../application/data.ts';
import { Refusal } from '../work/lists.tsx';
import {
  evidenceAddress,
  sessionImage,
  useLivenessSession,
  type Attempt,
  type LivenessSession,
} from '../liveness-links/data.ts';
import { Evaluation } from './Evaluation.tsx';
import { Faces } from './Faces.tsx';
import { Recordings } from './Recordings.tsx';

const SECTIONS = ['overview', 'evaluation', 'faces', 'recordings'] as const;
type Section = (typeof SECTIONS)[number];
const isSection = (value: string): value is Section => (SECTIONS as readonly string[]).includes(value);

function statusClass(attempt: Attempt): string {
  if (attempt.result === 'PASS') return 'status status-good';
  if (attempt.result === 'FAIL') return 'status status-bad';
  return 'status status-wait';
}

function IdChecks({ session, reference, chosen }: { session: LivenessSession; reference: string; chosen: number }) {
  const { t } = useTranslation('liveness');
  const newestFirst = [...session.attempts].sort((a, b) => b.number - a.number);
  return (
    <section aria-labelledby="id-checks">
      <h2 id="id-checks">{t('idChecks')}</h2>
      <p className="hint">{t('idChecksHelp')}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('idChecks')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('created')}</th>
              <th scope="col">{t('referenceId')}</th>
              <th scope="col">{t('type')}</th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((a) => (
              <tr key={a.id} aria-current={a.number === chosen ? 'true' : undefined}>
                <td>
                  {a.number === chosen ? (
                    <>
                      {instant(a.startedAt)} <span className="hint">({t('selected')})</span>
                    </>
                  ) : (
                    <Link href={`${evidenceAddress(reference, session.id)}/${a.number}`}>{instant(a.startedAt)}</Link>
                  )}
                </td>
                <td>
                  <code>{a.id}</code>
                </td>
                <td>{a.challenges.map((c) => t(`challenges.${c}`)).join(', ')}</td>
                <td>
                  <span className={statusClass(a)}>{a.result ?? t(`attemptStates.${a.state}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Overview({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation('liveness');
  return (
    <>
      <dl className="facts">
        <dt>{t('referenceId')}</dt>
        <dd>
          <code>{attempt.id}</code>
        </dd>
        <dt>{t('created')}</dt>
        <dd>{instant(attempt.startedAt)}</dd>
        <dt>{t('type')}</dt>
        <dd>{attempt.challenges.map((c) => t(`challenges.${c}`)).join(', ')}</dd>
        <dt>{t('status')}</dt>
        <dd>{t(`attemptStates.${attempt.state}`)}</dd>
        <dt>{t('decidedAt')}</dt>
        <dd>{attempt.decidedAt ? instant(attempt.decidedAt) : '---'}</dd>
        <dt>{t('livenessResult')}</dt>
        <dd>{attempt.liveness ?? '---'}</dd>
        <dt>{t('faceMatch')}</dt>
        <dd>{attempt.faceMatch ?? '---'}</dd>
        <dt>{t('attemptResult')}</dt>
        <dd>{attempt.result ?? '---'}</dd>
        <dt>{t('reasons')}</dt>
        <dd>
          {attempt.reasons.length === 0
            ? t('noReasons')
            : attempt.reasons.map((code) => `${t(`reasonCodes.${code}`, { defaultValue: code })} (${code})`).join('; ')}
        </dd>
      </dl>
      <p className="hint">{t('overviewNothing')}</p>
    </>
  );
}

function AssessmentLink({ session, application }: { session: LivenessSession; application: Application }) {
  const { t } = useTranslation('liveness');
  const tasks = useTasks(application.reference);
  const bound = (tasks.data ?? []).filter((task) => task.kind === 'identity-is-bound');
  const subject = application.people.find((p) => p.relationship === 'applicant');
  const task = bound.find((x) => x.personId === session.personId) ?? bound.find((x) => x.personId === subject?.id);
  if (!task) return null;
  return (
    <p>
      <Link className="button primary" href={`/applications/${application.reference}/tasks/${task.id}`}>
        {t('recordAssessment')}
      </Link>
    </p>
  );
}

function AttemptEvidence({
  session,
  attempt,
  section,
  base,
}: {
  session: LivenessSession;
  attempt: Attempt;
  section: Section;
  base: string;
}) {
  const { t } = useTranslation('liveness');
  const navigate = useNavigate();
  return (
    <Tabs
      className="tabs"
      selectedKey={section}
      onSelectionChange={(key) => void navigate(`${base}/${attempt.number}/${String(key)}`, { replace: true })}
    >
      <TabList aria-label={t('attemptTabs', { number: attempt.number })}>
        {SECTIONS.map((s) => (
          <Tab key={s} id={s}>
            {t(`sections.${s}`)}
          </Tab>
        ))}
      </TabList>
      <TabPanel id="overview">
        <Overview attempt={attempt} />
      </TabPanel>
      <TabPanel id="evaluation">
        <Evaluation attempt={attempt} />
      </TabPanel>
      <TabPanel id="faces">
        <Faces attempt={attempt} imageOf={(path) => sessionImage(session.id, path)} />
      </TabPanel>
      <TabPanel id="recordings">
        <Recordings attempt={attempt} imageOf={(path) => sessionImage(session.id, path)} />
      </TabPanel>
    </Tabs>
  );
}

export default function LivenessEvidence() {
  const { t } = useTranslation('liveness');
  const { ref = '', sessionId = '', '*': rest = '' } = useParams();
  const application = useApplication(ref);
  const session = useLivenessSession(sessionId);
  const [numberPart = '', sectionPart = ''] = rest.split('/');
  const data = session.data;
  const newest = data?.attempts.reduce((n, a) => Math.max(n, a.number), 0) ?? 0;
  const chosen = Number(numberPart) || newest;
  const attempt = data?.attempts.find((a) => a.number === chosen);
  const section: Section = isSection(sectionPart) ? sectionPart : 'overview';
  const who = data && application.data ? personName(application.data, data.personId) : '';
  return (
    <Page title={`${t('evidenceTitle')}${who ? ` · ${who}` : ''}`}>
      <p>
        <Link href={`/applications/${ref}/documents`}>{t('backToApplication', { ref })}</Link>
      </p>
      <Refusal error={session.error ?? application.error} />
      {(session.isPending || application.isPending) && <p role="status">…</p>}
      {data && application.data && (
        <>
          <p>{t('evidenceIntro')}</p>
          <AssessmentLink session={data} application={application.data} />
          {data.attempts.length === 0 ? (
            <p>{t('noAttempts')}</p>
          ) : (
            <>
              <IdChecks session={data} reference={ref} chosen={chosen} />
              {attempt && (
                <section aria-labelledby="attempt-heading">
                  <h2 id="attempt-heading">{t('attemptTabs', { number: attempt.number })}</h2>
                  <AttemptEvidence
                    session={data}
                    attempt={attempt}
                    section={section}
                    base={evidenceAddress(ref, data.id)}
                  />
                </section>
              )}
            </>
          )}
        </>
      )}
    </Page>
  );
}
