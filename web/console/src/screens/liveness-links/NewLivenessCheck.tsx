// S7 "New Liveness check": Relationship to applicant, Person, Email (filled in from the person), the person's
// photo on file → Save. Sending is a separate action on the saved record (S8), as in the seed.
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type RequestBody } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { useApplication, useDocuments, useLivenessPlan, type Application } from '../application/data.ts';
import { Choice } from '../work/Choice.tsx';
import { Refusal } from '../work/lists.tsx';
import { linkAddress } from './data.ts';

type Relationship = RequestBody<'/api/v1/applications/{ref}/liveness-links', 'post'>['relationship'];
const RELATIONSHIPS: readonly Relationship[] = ['Adult', 'Consenting Parties'];

/** Who the application's liveness plan says gives liveness: the subject, or the consenting parent for a child. */
function suggestion(
  application: Application,
  giver: string | undefined,
): { personId: string; relationship: Relationship } | undefined {
  const subject = application.people.find((p) => p.relationship === 'applicant');
  const parent = application.people.find((p) => p.relationship === 'consenting-parent');
  if (giver === 'consenting-parent' && parent) return { personId: parent.id, relationship: 'Consenting Parties' };
  if (giver === 'subject' && subject) return { personId: subject.id, relationship: 'Adult' };
  return undefined;
}

function NewLinkForm({ application }: { application: Application }) {
  const { t } = useTranslation('liveness');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const plan = useLivenessPlan(application.reference);
  const documents = useDocuments(application.reference);
  const suggested = suggestion(application, plan.data?.responsibility.giver);
  const [personId, setPersonId] = useState(application.people[0]?.id ?? '');
  const [relationship, setRelationship] = useState<Relationship>('Adult');
  const [email, setEmail] = useState(application.people[0]?.email ?? '');
  const [touched, setTouched] = useState(false);

  const choosePerson = (id: string) => {
    setPersonId(id);
    setEmail(application.people.find((p) => p.id === id)?.email ?? '');
    setTouched(true);
  };
  // The plan arrives after the first render; take its suggestion unless the officer has already chosen.
  const suggestedPerson = suggested?.personId;
  const suggestedRelationship = suggested?.relationship;
  useEffect(() => {
    if (touched || suggestedPerson === undefined || suggestedRelationship === undefined) return;
    setPersonId(suggestedPerson);
    setRelationship(suggestedRelationship);
    setEmail(application.people.find((p) => p.id === suggestedPerson)?.email ?? '');
  }, [touched, suggestedPerson, suggestedRelationship, application.people]);

  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/applications/{ref}/liveness-links', {
          params: { path: { ref: application.reference } },
          body: { personId, relationship, ...(email.trim() === '' ? {} : { email: email.trim() }) },
        }),
      ),
    onSuccess: (link) => {
      void queryClient.invalidateQueries({ queryKey: ['application', application.reference, 'liveness-links'] });
      void navigate(linkAddress(application.reference, link.id));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const photo = (documents.data ?? []).find((d) => d.personId === personId && d.kind === 'passport-style-image');
  const giverName = suggested ? application.people.find((p) => p.id === suggested.personId)?.fullName : undefined;
  return (
    <Form onSubmit={submit} className="stack narrow" aria-labelledby="page-title">
      <p className="hint">{t('newIntro')}</p>
      {giverName && <p>{t('suggested', { giver: giverName })}</p>}
      <Choice
        label={t('relationship')}
        value={relationship}
        onChange={(v) => {
          setRelationship(v === 'Consenting Parties' ? 'Consenting Parties' : 'Adult');
          setTouched(true);
        }}
        options={RELATIONSHIPS.map((r) => ({ id: r, label: t(`relationships.${r}`) }))}
      />
      <p className="hint">{t('relationshipHelp')}</p>
      <Choice
        label={t('person')}
        value={personId}
        onChange={choosePerson}
        options={application.people.map((p) => ({ id: p.id, label: p.fullName }))}
      />
      <Field label={t('email')} description={t('emailHelp')} type="email" value={email} onChange={setEmail} />
      <dl className="facts">
        <dt>{t('personPhoto')}</dt>
        <dd>{photo ? photo.fileName : t('noPhoto')}</dd>
      </dl>
      <Refusal error={save.error} />
      <div className="row">
        <Button type="submit" className="button primary" isDisabled={save.isPending || personId === ''}>
          {save.isPending ? t('saving') : t('save')}
        </Button>
        <Link className="button" href={`/applications/${application.reference}/documents`}>
          {t('cancel')}
        </Link>
      </div>
    </Form>
  );
}

export default function NewLivenessCheck() {
  const { t } = useTranslation('liveness');
  const { ref = '' } = useParams();
  const application = useApplication(ref);
  return (
    <Page title={`${t('newTitle')} · ${ref}`}>
      <Refusal error={application.error} />
      {application.isPending && <p role="status">…</p>}
      {application.data && <NewLinkForm application={application.data} />}
    </Page>
  );
}
