// An account's rule set: what a verification needs (requirements: what is confirmed and by how many sources),
// the changes a person may make on an interactive source, and the lock-out. Saving publishes a new version;
// verifications keep the version they started under.
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type RequestBody } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { Choice } from '../work/Choice.tsx';
import { Refusal } from '../work/lists.tsx';

type RuleSetBody = RequestBody<'/api/v1/rule-sets/{ruleId}', 'put'>;
type Requirement = RuleSetBody['requirements'][number];
type Change = RuleSetBody['acceptedChanges'][number];
const KINDS: readonly Requirement['kind'][] = ['nameDob', 'nameAddress'];
const FIELDS: readonly Change['field'][] = ['givenName', 'middleNames', 'surname', 'dob', 'address'];
const EXTENTS: readonly Change['extent'][] = ['minor', 'any'];

function RuleSetForm({ ruleId, current }: { ruleId: string; current: RuleSetBody & { version: number } }) {
  const { t } = useTranslation('account');
  const queryClient = useQueryClient();
  const [requirements, setRequirements] = useState<Requirement[]>(current.requirements);
  const [changes, setChanges] = useState<Change[]>(current.acceptedChanges);
  const [lockout, setLockout] = useState(
    current.lockoutAfterFailedAttempts === null ? '' : String(current.lockoutAfterFailedAttempts),
  );
  useEffect(() => {
    setRequirements(current.requirements);
    setChanges(current.acceptedChanges);
    setLockout(current.lockoutAfterFailedAttempts === null ? '' : String(current.lockoutAfterFailedAttempts));
  }, [current]);
  const publish = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/api/v1/rule-sets/{ruleId}', {
          params: { path: { ruleId } },
          body: {
            requirements,
            acceptedChanges: changes,
            lockoutAfterFailedAttempts: lockout.trim() === '' ? null : Number(lockout),
          },
        }),
      ),
    onSuccess: (published) => queryClient.setQueryData(['account', 'rule-set', ruleId], published),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate();
  };
  const setRequirement = (i: number, next: Requirement) =>
    setRequirements((rs) => rs.map((r, j) => (j === i ? next : r)));
  const setChange = (i: number, next: Change) => setChanges((cs) => cs.map((c, j) => (j === i ? next : c)));
  return (
    <Form onSubmit={submit} className="stack" aria-labelledby="rule-set-heading">
      <h2 id="rule-set-heading">
        {ruleId} · {t('version', { n: current.version })}
      </h2>
      {publish.isSuccess && (
        <p role="status" className="notice notice-ok">
          {t('published', { n: publish.data.version })}
        </p>
      )}
      <fieldset className="stack">
        <legend>{t('requirements')}</legend>
        {requirements.map((r, i) => (
          <div key={i} className="row">
            <Choice
              label={`${t('requirementKind')} (${i + 1})`}
              value={r.kind}
              onChange={(v) => setRequirement(i, { ...r, kind: KINDS.find((k) => k === v) ?? r.kind })}
              options={KINDS.map((k) => ({ id: k, label: t(`kinds.${k}`) }))}
            />
            <Field
              label={`${t('sourcesNeeded')} (${i + 1})`}
              type="number"
              inputMode="numeric"
              value={String(r.sources)}
              onChange={(v) => setRequirement(i, { ...r, sources: Number(v) })}
            />
            <Button
              className="button"
              isDisabled={requirements.length <= 1}
              onPress={() => setRequirements((rs) => rs.filter((_, j) => j !== i))}
            >
              {t('remove')}
            </Button>
          </div>
        ))}
        <div>
          <Button className="button" onPress={() => setRequirements((rs) => [...rs, { kind: 'nameDob', sources: 1 }])}>
            {t('addRequirement')}
          </Button>
        </div>
      </fieldset>
      <fieldset className="stack">
        <legend>{t('acceptedChanges')}</legend>
        <p className="hint">{t('acceptedChangesHint')}</p>
        {changes.map((c, i) => (
          <div key={i} className="row">
            <Choice
              label={`${t('changeField')} (${i + 1})`}
              value={c.field}
              onChange={(v) => setChange(i, { ...c, field: FIELDS.find((f) => f === v) ?? c.field })}
              options={FIELDS.map((f) => ({ id: f, label: t(`changeFields.${f}`) }))}
            />
            <Choice
              label={`${t('extent')} (${i + 1})`}
              value={c.extent}
              onChange={(v) => setChange(i, { ...c, extent: EXTENTS.find((e) => e === v) ?? c.extent })}
              options={EXTENTS.map((e) => ({ id: e, label: t(`extents.${e}`) }))}
            />
            <Button className="button" onPress={() => setChanges((cs) => cs.filter((_, j) => j !== i))}>
              {t('remove')}
            </Button>
          </div>
        ))}
        <div>
          <Button
            className="button"
            onPress={() => setChanges((cs) => [...cs, { field: 'givenName', extent: 'minor' }])}
          >
            {t('addChange')}
          </Button>
        </div>
      </fieldset>
      <Field label={t('lockout')} type="number" inputMode="numeric" value={lockout} onChange={setLockout} />
      <Refusal error={publish.error} />
      <div>
        <Button type="submit" className="button primary" isDisabled={publish.isPending}>
          {publish.isPending ? t('publishing') : t('publish')}
        </Button>
      </div>
    </Form>
  );
}

export default function RuleSets() {
  const { t } = useTranslation('account');
  const [ruleId, setRuleId] = useState('default');
  const [typed, setTyped] = useState('default');
  const ruleSet = useQuery({
    queryKey: ['account', 'rule-set', ruleId],
    queryFn: async () => unwrap(await api.GET('/api/v1/rule-sets/{ruleId}', { params: { path: { ruleId } } })),
  });
  return (
    <Page title={t('ruleSetsTitle')}>
      <p>{t('ruleSetsIntro')}</p>
      <Form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          setRuleId(typed.trim() || 'default');
        }}
      >
        <Field label={t('ruleId')} value={typed} onChange={setTyped} />
        <Button type="submit" className="button">
          {t('openRuleSet')}
        </Button>
      </Form>
      <Refusal error={ruleSet.error} />
      {ruleSet.isPending && <p role="status">…</p>}
      {ruleSet.data && <RuleSetForm ruleId={ruleId} current={ruleSet.data} />}
    </Page>
  );
}
