// An administrator checks a source for a person who is present (seed 004 mode ASSISTED): they choose a source
// the verification still offers, type the person's details into its fields (pre-filled from the registration),
// and the source is run as if the person had sent them; the administrator's comment and email stay with it.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Answer } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Choice } from '../work/Choice.tsx';
import { Refusal } from '../work/lists.tsx';

type CurrentStatus = Answer<'/api/v1/verifications/{verificationId}', 'get'>;
type SourceField = NonNullable<
  Answer<'/api/v1/verifications/{verificationId}/sources/{sourceId}/fields', 'get'>['sourceFields']
>['fieldList'][number];

function SourceFields({
  verificationId,
  sourceId,
  onDone,
}: {
  verificationId: string;
  sourceId: string;
  onDone(s: CurrentStatus): void;
}) {
  const { t } = useTranslation('account');
  const [values, setValues] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const fields = useQuery({
    queryKey: ['account', 'verification', verificationId, 'fields', sourceId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/verifications/{verificationId}/sources/{sourceId}/fields', {
          params: { path: { verificationId, sourceId } },
        }),
      ).sourceFields?.fieldList ?? [],
  });
  const valueOf = (f: SourceField) => values[f.name] ?? f.value;
  const run = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/verifications/{verificationId}/sources/{sourceId}/assisted', {
          params: { path: { verificationId, sourceId } },
          body: {
            fields: Object.fromEntries((fields.data ?? []).map((f) => [f.name, valueOf(f)])),
            comment,
            adminEmail,
          },
        }),
      ),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate();
  };
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  return (
    <Form onSubmit={submit} className="stack" aria-label={t('assisted.fieldsOf', { source: sourceId })}>
      <Refusal error={fields.error} />
      {(fields.data ?? []).map((f) =>
        f.type === 'checkbox' ? (
          <Checkbox
            key={f.name}
            className="checkbox"
            isSelected={valueOf(f) === 'on'}
            onChange={(on) => set(f.name)(on ? 'on' : '')}
          >
            <span className="checkbox-box" aria-hidden="true" />
            {f.label}
          </Checkbox>
        ) : f.type === 'select' ? (
          <Choice
            key={f.name}
            label={f.label}
            value={valueOf(f)}
            onChange={set(f.name)}
            options={f.selectItem.map((o) => ({ id: o.value, label: o.name }))}
          />
        ) : (
          <Field key={f.name} label={f.label} value={valueOf(f)} onChange={set(f.name)} />
        ),
      )}
      <Field
        label={t('comment')}
        description={t('assisted.commentHelp')}
        multiline
        value={comment}
        onChange={setComment}
        isRequired
      />
      <Field label={t('adminEmail')} type="email" value={adminEmail} onChange={setAdminEmail} isRequired />
      <Refusal error={run.error} />
      <div>
        <Button type="submit" className="button primary" isDisabled={run.isPending || !fields.data}>
          {run.isPending ? t('overriding') : t('assisted.button')}
        </Button>
      </div>
    </Form>
  );
}

export function AssistedCheck({
  verificationId,
  sources,
  onDone,
}: {
  verificationId: string;
  sources: { name: string; available: boolean; stateName: string }[];
  onDone(s: CurrentStatus): void;
}) {
  const { t } = useTranslation('account');
  const available = sources.filter((s) => s.available);
  const [sourceId, setSourceId] = useState('');
  if (available.length === 0) return null;
  return (
    <section className="stack narrow" aria-labelledby="assisted-heading">
      <h2 id="assisted-heading">{t('assisted.title')}</h2>
      <p className="hint">{t('assisted.intro')}</p>
      <Choice
        label={t('assisted.source')}
        value={sourceId}
        onChange={setSourceId}
        options={available.map((s) => ({ id: s.name, label: `${s.name} (${s.stateName})` }))}
      />
      {sourceId && <SourceFields key={sourceId} verificationId={verificationId} sourceId={sourceId} onDone={onDone} />}
    </section>
  );
}
