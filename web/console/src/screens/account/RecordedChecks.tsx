// Checks an account's administrator records for a person (seed 004 modes): an in-person check of an identity
// document at a counter (Post Office mode, Person Present method), and the result of a check made outside pono
// (Externally Verified). Each keeps the administrator's comment and email with the result.
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Answer } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Choice } from '../work/Choice.tsx';
import { Refusal } from '../work/lists.tsx';

type CurrentStatus = Answer<'/api/v1/verifications/{verificationId}', 'get'>;
type Outcome = 'VERIFIED' | 'FAILED';
type Confirmation = 'nameDob' | 'nameAddress';
const DOCUMENT_TYPES = ['PASSPORT', 'DRIVERS_LICENCE', 'NATIONAL_ID_CARD', 'BIRTH_CERTIFICATE'] as const;
const CONFIRM_OPTIONS = ['nameDob', 'nameAddress', 'both'] as const;
const CONFIRMS: Record<(typeof CONFIRM_OPTIONS)[number], Confirmation[]> = {
  nameDob: ['nameDob'],
  nameAddress: ['nameAddress'],
  both: ['nameDob', 'nameAddress'],
};
const confirmsOf = (id: string): Confirmation[] => CONFIRMS[CONFIRM_OPTIONS.find((o) => o === id) ?? 'nameDob'];

function OutcomeChoice({ value, onChange }: { value: Outcome; onChange(value: Outcome): void }) {
  const { t } = useTranslation('account');
  return (
    <Choice
      label={t('recorded.outcome')}
      value={value}
      onChange={(v) => onChange(v === 'FAILED' ? 'FAILED' : 'VERIFIED')}
      options={[
        { id: 'VERIFIED', label: t('recorded.outcomes.VERIFIED') },
        { id: 'FAILED', label: t('recorded.outcomes.FAILED') },
      ]}
    />
  );
}

function ConfirmsChoice({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation('account');
  return (
    <Choice
      label={t('recorded.confirms')}
      value={value}
      onChange={onChange}
      options={CONFIRM_OPTIONS.map((id) => ({ id, label: t(`recorded.confirmsOptions.${id}`) }))}
    />
  );
}

function WhoDidIt(props: {
  comment: string;
  adminEmail: string;
  setComment(v: string): void;
  setAdminEmail(v: string): void;
}) {
  const { t } = useTranslation('account');
  return (
    <>
      <Field label={t('comment')} multiline value={props.comment} onChange={props.setComment} isRequired />
      <Field label={t('adminEmail')} type="email" value={props.adminEmail} onChange={props.setAdminEmail} isRequired />
    </>
  );
}

export function InPersonCheck({ verificationId, onDone }: { verificationId: string; onDone(s: CurrentStatus): void }) {
  const { t } = useTranslation('account');
  const [outcome, setOutcome] = useState<Outcome>('VERIFIED');
  const [documentType, setDocumentType] = useState<string>('PASSPORT');
  const [documentRegion, setDocumentRegion] = useState('NZ');
  const [documentSubRegion, setDocumentSubRegion] = useState('');
  const [confirms, setConfirms] = useState('nameDob');
  const [comment, setComment] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const record = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/verifications/{verificationId}/in-person-check', {
          params: { path: { verificationId } },
          body: {
            outcome,
            confirms: confirmsOf(confirms),
            document: {
              documentType,
              documentRegion: documentRegion.trim().toUpperCase(),
              ...(documentSubRegion.trim() ? { documentSubRegion: documentSubRegion.trim().toUpperCase() } : {}),
            },
            comment,
            adminEmail,
          },
        }),
      ),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  return (
    <Form onSubmit={submit} className="stack narrow" aria-labelledby="in-person-heading">
      <h2 id="in-person-heading">{t('recorded.inPersonTitle')}</h2>
      <p className="hint">{t('recorded.inPersonIntro')}</p>
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
        onChange={setDocumentRegion}
        isRequired
      />
      <Field
        label={t('recorded.documentSubRegion')}
        description={t('recorded.documentSubRegionHelp')}
        value={documentSubRegion}
        onChange={setDocumentSubRegion}
      />
      <OutcomeChoice value={outcome} onChange={setOutcome} />
      <ConfirmsChoice value={confirms} onChange={setConfirms} />
      <WhoDidIt comment={comment} adminEmail={adminEmail} setComment={setComment} setAdminEmail={setAdminEmail} />
      <Refusal error={record.error} />
      <div>
        <Button type="submit" className="button primary" isDisabled={record.isPending}>
          {record.isPending ? t('overriding') : t('recorded.inPersonButton')}
        </Button>
      </div>
    </Form>
  );
}

export function ExternalCheck({ verificationId, onDone }: { verificationId: string; onDone(s: CurrentStatus): void }) {
  const { t } = useTranslation('account');
  const [name, setName] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('VERIFIED');
  const [confirms, setConfirms] = useState('nameDob');
  const [comment, setComment] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const record = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/verifications/{verificationId}/external-check', {
          params: { path: { verificationId } },
          body: { name, outcome, confirms: confirmsOf(confirms), comment, adminEmail },
        }),
      ),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  return (
    <Form onSubmit={submit} className="stack narrow" aria-labelledby="external-heading">
      <h2 id="external-heading">{t('recorded.externalTitle')}</h2>
      <p className="hint">{t('recorded.externalIntro')}</p>
      <Field
        label={t('recorded.externalName')}
        description={t('recorded.externalNameHelp')}
        value={name}
        onChange={setName}
        isRequired
      />
      <OutcomeChoice value={outcome} onChange={setOutcome} />
      <ConfirmsChoice value={confirms} onChange={setConfirms} />
      <WhoDidIt comment={comment} adminEmail={adminEmail} setComment={setComment} setAdminEmail={setAdminEmail} />
      <Refusal error={record.error} />
      <div>
        <Button type="submit" className="button primary" isDisabled={record.isPending}>
          {record.isPending ? t('overriding') : t('recorded.externalButton')}
        </Button>
      </div>
    </Form>
  );
}
