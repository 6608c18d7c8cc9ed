// The calculator by travel document: the person's document details in, the calculation out. pono looks the
// movements up in the immigration records and answers with the calculation only; nothing is stored.
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { DateInput } from './DateInput.tsx';
import { PresenceResult } from './PresenceResult.tsx';

export function ByTravelDocument() {
  const { t } = useTranslation('calculator');
  const [documentNumber, setDocumentNumber] = useState('');
  const [nationality, setNationality] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [givenNames, setGivenNames] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [applicationDate, setApplicationDate] = useState('');
  const check = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/presence/by-travel-document', {
          body: {
            documentNumber,
            nationality,
            dateOfBirth,
            givenNames,
            familyName,
            ...(applicationDate ? { applicationDate } : {}),
          },
        }),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    check.mutate();
  };
  return (
    <section aria-labelledby="by-document" className="stack">
      <h2 id="by-document">{t('byDocumentTitle')}</h2>
      <p>{t('byDocumentIntro')}</p>
      <Form onSubmit={submit} className="stack narrow">
        <Field label={t('documentNumber')} value={documentNumber} onChange={setDocumentNumber} isRequired />
        <Field
          label={t('nationality')}
          description={t('nationalityHelp')}
          value={nationality}
          onChange={setNationality}
          isRequired
        />
        <DateInput
          label={t('dateOfBirth')}
          description={t('dateHelp')}
          value={dateOfBirth}
          onChange={setDateOfBirth}
          required
        />
        <Field label={t('givenNames')} value={givenNames} onChange={setGivenNames} isRequired />
        <Field label={t('familyName')} value={familyName} onChange={setFamilyName} isRequired />
        <DateInput
          label={t('applicationDateOptional')}
          description={t('dateHelp')}
          value={applicationDate}
          onChange={setApplicationDate}
        />
        <div>
          <Button type="submit" className="button primary" isDisabled={check.isPending}>
            {check.isPending ? t('calculating') : t('checkByDocument')}
          </Button>
        </div>
      </Form>
      <ErrorNotice error={check.error} />
      {check.data && <PresenceResult presence={check.data} />}
    </section>
  );
}
