// Checks an account's administrator records for a person (seed 004 modes): an in-person check of an identity
// document at a counter (Post Office mode, Person Present method), and the result of a check made outside pono
// (Externally Verified). Each keeps the administrator's comment and email with the result.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Choice } from '../work/Choice.tsx';
import { RecordedCheckForm, type CurrentStatus, type RecordedResult } from './RecordedCheckForm.tsx';

const DOCUMENT_TYPES = ['PASSPORT', 'DRIVERS_LICENCE', 'NATIONAL_ID_CARD', 'BIRTH_CERTIFICATE'] as const;

export function InPersonCheck({ verificationId, onDone }: { verificationId: string; onDone(s: CurrentStatus): void }) {
  const { t } = useTranslation('account');
  const [documentType, setDocumentType] = useState<string>('PASSPORT');
  const [documentRegion, setDocumentRegion] = useState('NZ');
  const [documentSubRegion, setDocumentSubRegion] = useState('');
  const send = async (result: RecordedResult) =>
    unwrap(
      await api.POST('/api/v1/verifications/{verificationId}/in-person-check', {
        params: { path: { verificationId } },
        body: {
          ...result,
          document: {
            documentType,
            documentRegion: documentRegion.trim().toUpperCase(),
            ...(documentSubRegion.trim() ? { documentSubRegion: documentSubRegion.trim().toUpperCase() } : {}),
          },
        },
      }),
    );
  return (
    <RecordedCheckForm
      id="in-person"
      title={t('recorded.inPersonTitle')}
      intro={t('recorded.inPersonIntro')}
      button={t('recorded.inPersonButton')}
      send={send}
      onDone={onDone}
    >
      <Choice
        label={t('recorded.documentType')}
        value={documentType}
        onChange={setDocumentType}
        options={DOCUMENT_TYPES.map((d) => ({ id: d, label: t(`recorded.documentTypes.${d}`) }))}
      />
      <Field
        label={t('recorded.documentRegion')}
        name="document.documentRegion"
        description={t('recorded.documentRegionHelp')}
        value={documentRegion}
        onChange={setDocumentRegion}
        isRequired
      />
      <Field
        label={t('recorded.documentSubRegion')}
        name="document.documentSubRegion"
        description={t('recorded.documentSubRegionHelp')}
        value={documentSubRegion}
        onChange={setDocumentSubRegion}
      />
    </RecordedCheckForm>
  );
}

export function ExternalCheck({ verificationId, onDone }: { verificationId: string; onDone(s: CurrentStatus): void }) {
  const { t } = useTranslation('account');
  const [name, setName] = useState('');
  const send = async (result: RecordedResult) =>
    unwrap(
      await api.POST('/api/v1/verifications/{verificationId}/external-check', {
        params: { path: { verificationId } },
        body: { ...result, name },
      }),
    );
  return (
    <RecordedCheckForm
      id="external"
      title={t('recorded.externalTitle')}
      intro={t('recorded.externalIntro')}
      button={t('recorded.externalButton')}
      send={send}
      onDone={onDone}
    >
      <Field
        label={t('recorded.externalName')}
        name="name"
        description={t('recorded.externalNameHelp')}
        value={name}
        onChange={setName}
        isRequired
      />
    </RecordedCheckForm>
  );
}
