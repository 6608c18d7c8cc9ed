// S5 Confirm identity: each person's three tasks (Task, Outcome, state, who prepared and validated), and the
// Identity Proofing Grid's suggestion for the person (G1, or G2 before 30 July 2020) with its options.
import { useState } from 'react';
import { Checkbox, Link } from 'react-aria-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { outcomeLabel, relationshipLabel, taskKindLabel, taskStateLabel } from '../work/labels.ts';
import { Refusal } from '../work/lists.tsx';
import { useSession } from '../../app/session.tsx';
import { useTasks, type Application, type Person, type TaskRow } from './data.ts';
import { RaiseEscalation } from './RaiseEscalation.tsx';

const EVIDENCE = ['amsPhoto', 'overseasPassportImage', 'applicationPhoto', 'livenessTest'] as const;
const OPTIONS = ['send-liveness-link', 'send-original-passport', 'identity-confirmation-appointment'] as const;
const isOption = (o: string): o is (typeof OPTIONS)[number] => (OPTIONS as readonly string[]).includes(o);

function TaskGrid({ application, person, tasks }: { application: Application; person: Person; tasks: TaskRow[] }) {
  const { t } = useTranslation('work');
  const caption = t('tasksOf', { name: person.fullName });
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.task')}</th>
            <th scope="col">{t('columns.outcome')}</th>
            <th scope="col">{t('columns.state')}</th>
            <th scope="col">{t('columns.preparedBy')}</th>
            <th scope="col">{t('columns.validatedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id}>
              <td>
                <Link
                  href={`/applications/${application.reference}/tasks/${task.id}`}
                  aria-label={t('openTask', { task: taskKindLabel(t, task.kind), name: person.fullName })}
                >
                  {taskKindLabel(t, task.kind)}
                </Link>
              </td>
              <td>{outcomeLabel(t, task.outcome)}</td>
              <td>{taskStateLabel(t, task.state)}</td>
              <td>{task.preparedByName ?? '—'}</td>
              <td>{task.validatedByName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GridSuggestion({ application, person }: { application: Application; person: Person }) {
  const { t } = useTranslation('work');
  const [optionsExhausted, setOptionsExhausted] = useState(false);
  const [livenessDeclined, setLivenessDeclined] = useState(false);
  const decision = useQuery({
    queryKey: ['application', application.reference, 'proofing', person.id, optionsExhausted, livenessDeclined],
    queryFn: async () =>
      unwrap(
        await api.POST('/api/v1/applications/{ref}/people/{personId}/proofing-decision', {
          params: { path: { ref: application.reference, personId: person.id } },
          body: { optionsExhausted, livenessDeclined },
        }),
      ),
    staleTime: 60_000,
  });
  const session = useSession();
  const step = decision.data?.step;
  const grid = application.identityStandard === 'pre-liveness' ? t('gridG2') : t('gridG1');
  return (
    <div className="grid-suggestion">
      <h4>
        {t('proofingGrid')} · {person.fullName}
      </h4>
      <p className="hint">{grid}</p>
      <Refusal error={decision.error} />
      {decision.data && (
        <>
          <dl className="facts">
            {EVIDENCE.map((e) => (
              <div key={e} className="contents">
                <dt>{t(`evidenceKinds.${e}`)}</dt>
                <dd>{decision.data.evidence[e] ? `✓ ${t('present')}` : `✗ ${t('absent')}`}</dd>
              </div>
            ))}
          </dl>
          <p>
            <strong>{step?.column ? t('column', { n: step.column }) : t('outsideGrid')}</strong>
          </p>
          <div role="status">
            {step?.step === 'achieved' && <p className="notice notice-ok">{t('stepAchieved')}</p>}
            {step?.step === 'escalate' && <p className="notice">{t('stepEscalate')}</p>}
            {step?.step === 'offer-options' && (
              <div className="notice">
                <p>{t('stepOffer')}</p>
                <ul>
                  {(step.options ?? []).map((o) => (
                    <li key={o}>
                      {o === 'send-liveness-link' ? (
                        <Link href={`/applications/${application.reference}/liveness-links/new`}>
                          {t('options.send-liveness-link')}
                        </Link>
                      ) : isOption(o) ? (
                        t(`options.${o}`)
                      ) : (
                        o
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          {step?.step === 'escalate' && session.hasRole('case-officer') && (
            <RaiseEscalation
              application={application}
              person={person}
              column={step.column ?? null}
              evidence={decision.data.evidence}
              optionsTried={optionsExhausted ? OPTIONS : []}
            />
          )}
        </>
      )}
      <fieldset>
        <legend>{t('whatIf')}</legend>
        <Checkbox className="checkbox" isSelected={optionsExhausted} onChange={setOptionsExhausted}>
          <span className="checkbox-box" aria-hidden="true" />
          {t('optionsExhausted')}
        </Checkbox>
        <Checkbox className="checkbox" isSelected={livenessDeclined} onChange={setLivenessDeclined}>
          <span className="checkbox-box" aria-hidden="true" />
          {t('livenessDeclined')}
        </Checkbox>
      </fieldset>
    </div>
  );
}

export function ConfirmIdentity({ application }: { application: Application }) {
  const { t } = useTranslation('work');
  const tasks = useTasks(application.reference);
  return (
    <>
      <h2>{t('confirmIdentity')}</h2>
      <Refusal error={tasks.error} />
      {application.people.map((person) => (
        <section key={person.id} aria-labelledby={`person-${person.id}`}>
          <h3 id={`person-${person.id}`}>
            {person.fullName} · {relationshipLabel(t, person.relationship)}
          </h3>
          <TaskGrid
            application={application}
            person={person}
            tasks={(tasks.data ?? []).filter((task) => task.personId === person.id)}
          />
          {person.relationship !== 'secondary-consent-giver' && (
            <GridSuggestion application={application} person={person} />
          )}
        </section>
      ))}
    </>
  );
}
