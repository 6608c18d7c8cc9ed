// An account's settings as its administrator sees them: the country and sources the operator set (shown), and
// whether photographed documents are compared with a selfie of the person (changed here).
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type RequestBody } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { Refusal } from '../work/lists.tsx';

type FaceComparison = RequestBody<'/api/v1/account/settings', 'put'>['faceComparison'];
const FACE_COMPARISONS: readonly FaceComparison[] = ['required', 'optional', 'off'];

function FaceComparisonForm({ current }: { current: FaceComparison }) {
  const { t } = useTranslation('account');
  const queryClient = useQueryClient();
  const [faceComparison, setFaceComparison] = useState<FaceComparison>(current);
  useEffect(() => setFaceComparison(current), [current]);
  const save = useMutation({
    mutationFn: async () => unwrap(await api.PUT('/api/v1/account/settings', { body: { faceComparison } })),
    onSuccess: (saved) => queryClient.setQueryData(['account', 'settings'], saved),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Form onSubmit={submit} className="stack" aria-labelledby="face-comparison-heading">
      <h2 id="face-comparison-heading">{t('settings.documentCapture')}</h2>
      <RadioGroup
        className="radio-group"
        value={faceComparison}
        onChange={(v) => setFaceComparison(FACE_COMPARISONS.find((f) => f === v) ?? faceComparison)}
      >
        <Label className="field-label">{t('settings.faceComparison')}</Label>
        {FACE_COMPARISONS.map((f) => (
          <Radio key={f} value={f} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            {t(`settings.faceComparisons.${f}`)}
          </Radio>
        ))}
      </RadioGroup>
      {save.isSuccess && (
        <p role="status" className="notice notice-ok">
          {t('settings.saved', { choice: t(`settings.faceComparisons.${save.data.faceComparison}`) })}
        </p>
      )}
      <Refusal error={save.error} />
      <div>
        <Button type="submit" className="button primary" isDisabled={save.isPending}>
          {save.isPending ? t('settings.saving') : t('settings.save')}
        </Button>
      </div>
    </Form>
  );
}

export default function AccountSettings() {
  const { t } = useTranslation('account');
  const settings = useQuery({
    queryKey: ['account', 'settings'],
    queryFn: async () => unwrap(await api.GET('/api/v1/account/settings')),
  });
  return (
    <Page title={t('settings.title')}>
      <p>{t('settings.intro')}</p>
      <Refusal error={settings.error} />
      {settings.isPending && <p role="status">…</p>}
      {settings.data && (
        <>
          <dl className="facts">
            <dt>{t('settings.country')}</dt>
            <dd>{settings.data.country}</dd>
            <dt>{t('settings.mode')}</dt>
            <dd>{settings.data.stubMode ? t('settings.stubMode') : t('settings.liveMode')}</dd>
            <dt>{t('settings.sources')}</dt>
            <dd>{settings.data.enabledSources.join(', ')}</dd>
          </dl>
          <FaceComparisonForm current={settings.data.faceComparison} />
        </>
      )}
    </Page>
  );
}
