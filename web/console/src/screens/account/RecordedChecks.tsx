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
      {(refusals) => (
        <>
          <Choice
            label={t('recorded.documentType')}
            value={documentType}
            onChange={setDocumentType}
            options={DOCUMENT_TYPES.map((d) => ({ id: d, label: t(`recorded.documentTypes.${d}`) }))}
          />
          <Field
            label={t('recorded.documentRegion')}
            description={t('recorded.documentRegionHelp')}
            value={documentRegion}
            onChange={(value) => {
              setDocumentRegion(value);
              refusals.edited('document.documentRegion');
            }}
            errorMessage={refusals.problem('document.documentRegion')}
            isRequired
          />
          <Field
            label={t('recorded.documentSubRegion')}
            description={t('recorded.documentSubRegionHelp')}
            value={documentSubRegion}
            onChange={(value) => {
              setDocumentSubRegion(value);
              refusals.edited('document.documentSubRegion');
            }}
            errorMessage={refusals.problem('document.documentSubRegion')}
          />
        </>
      )}
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
      {(refusals) => (
        <Field
          label={t('recorded.externalName')}
          description={t('recorded.externalNameHelp')}
          value={name}
          onChange={(value) => {
            setName(value);
            refusals.edited('name');
          }}
          errorMessage={refusals.problem('name')}
          isRequired
        />
      )}
    </RecordedCheckForm>
  );
}
