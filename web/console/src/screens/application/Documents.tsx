// S3 Supporting documents tab: "+ Upload" (person, document type, file), the documents with an image preview,
// and the "Liveness check" subgrid (URL, person, per-challenge results, status) with "+ New Liveness Check".
import { useEffect, useState, type FormEvent } from 'react';
import { Button, FileTrigger, Form, Link } from 'react-aria-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { instant } from '../../components/dates.ts';
import { Choice } from '../work/Choice.tsx';
import { documentKindLabel, documentTypeLabel, providedAsValueLabel } from '../work/labels.ts';
import { Refusal } from '../work/lists.tsx';
import { personName, useDocuments, useLinks, type Application } from './data.ts';
import { CHECKABLE_KINDS, DocumentCheck } from './DocumentCheck.tsx';

/** "Provided as" on upload: as the document type gives (the server's default), or one the officer chooses. */
const PROVIDED_AS = [
  'Identity',
  'Travel document',
  'Birth record',
  'English evidence',
  'Internal document',
  'Consent',
] as const;

const KINDS = [
  'passport-style-image',
  'overseas-passport-image',
  'birth-record',
  'travel-document',
  'consent-form',
] as const;

function Upload({ application }: { application: Application }) {
  const { t } = useTranslation('work');
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string>('passport-style-image');
  const [providedAs, setProvidedAs] = useState<string>('default');
  const [personId, setPersonId] = useState<string>(application.people[0]?.id ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState('');
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error(t('noFile'));
      const form = new FormData();
      form.append('kind', kind);
      form.append('personId', personId === 'none' ? '' : personId);
      if (providedAs !== 'default') form.append('providedAs', providedAs);
      form.append('file', file);
      // The route reads multipart parts itself, so its OpenAPI entry declares no JSON body; the generated
      // client sends FormData as it is, with the browser's boundary.
      return unwrap(
        await api.POST('/api/v1/applications/{ref}/documents', {
          params: { path: { ref: application.reference } },
          body: form as never,
        }),
      );
    },
    onSuccess: (doc) => {
      setMessage(t('uploaded', { name: doc.fileName }));
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: ['application', application.reference, 'documents'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    upload.mutate();
  };
  return (
    <Form onSubmit={submit} className="stack" aria-label={t('upload')}>
      <div className="row">
        <Choice
          label={t('documentPerson')}
          value={personId}
          onChange={setPersonId}
          options={[
            ...application.people.map((p) => ({ id: p.id, label: p.fullName })),
            { id: 'none', label: t('wholeApplication') },
          ]}
        />
        <Choice
          label={t('documentKind')}
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ id: k, label: documentKindLabel(t, k) }))}
        />
        <Choice
          label={t('providedAs')}
          value={providedAs}
          onChange={setProvidedAs}
          options={[
            { id: 'default', label: t('providedAsDefault') },
            ...PROVIDED_AS.map((p) => ({ id: p, label: providedAsValueLabel(t, p) })),
          ]}
        />
      </div>
      <div className="row">
        <FileTrigger
          acceptedFileTypes={['image/jpeg', 'image/png', 'application/pdf']}
          onSelect={(files) => setFile(files?.[0] ?? null)}
        >
          <Button className="button">{t('chooseFile')}</Button>
        </FileTrigger>
        <span aria-live="polite">{file ? t('chosenFile', { name: file.name }) : t('noFile')}</span>
      </div>
      <Refusal error={upload.error} />
      <p role="status" className={message ? 'notice notice-ok' : 'visually-hidden'}>
        {message}
      </p>
      <div>
        <Button type="submit" className="button primary" isDisabled={upload.isPending || !file}>
          {upload.isPending ? t('uploading') : t('upload')}
        </Button>
      </div>
    </Form>
  );
}

function Preview({ reference, documentId, name }: { reference: string; documentId: string; name: string }) {
  const { t } = useTranslation('work');
  const blob = useQuery({
    queryKey: ['application', reference, 'documents', documentId, 'content'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/applications/{ref}/documents/{documentId}', {
          params: { path: { ref: reference, documentId } },
          parseAs: 'blob',
        }),
      ) as Blob,
    staleTime: Infinity,
  });
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob.data) return undefined;
    const next = URL.createObjectURL(blob.data);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob.data]);
  if (blob.error) return <Refusal error={blob.error} />;
  return url ? (
    <figure className="preview">
      <img src={url} alt={t('previewOf', { name })} />
      <figcaption>{name}</figcaption>
    </figure>
  ) : (
    <p role="status">…</p>
  );
}

function DocumentsGrid({ application }: { application: Application }) {
  const { t } = useTranslation('work');
  const documents = useDocuments(application.reference);
  const [shown, setShown] = useState<string | null>(null);
  const rows = documents.data ?? [];
  const shownDoc = rows.find((d) => d.id === shown);
  return (
    <>
      <Refusal error={documents.error} />
      {rows.length === 0 ? (
        <p>{documents.isPending ? '…' : t('noData')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('supportingDocuments')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('documentType')}</th>
                <th scope="col">{t('providedAs')}</th>
                <th scope="col">{t('documentPerson')}</th>
                <th scope="col">{t('uploadedOn')}</th>
                <th scope="col">{t('preview')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td className="wrap-anywhere">{d.fileName}</td>
                  <td>{documentTypeLabel(t, d.documentType)}</td>
                  <td>{providedAsValueLabel(t, d.providedAs)}</td>
                  <td>{personName(application, d.personId)}</td>
                  <td>{instant(d.uploadedAt)}</td>
                  <td>
                    {d.contentType.startsWith('image/') ? (
                      <Button
                        className="link-button"
                        aria-expanded={shown === d.id}
                        onPress={() => setShown(shown === d.id ? null : d.id)}
                      >
                        {shown === d.id ? t('hidePreview') : t('showPreview', { name: d.fileName })}
                      </Button>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shownDoc && (
        <div className="document-beside">
          <Preview reference={application.reference} documentId={shownDoc.id} name={shownDoc.fileName} />
          {CHECKABLE_KINDS.includes(shownDoc.kind) && (
            <DocumentCheck reference={application.reference} documentId={shownDoc.id} />
          )}
        </div>
      )}
    </>
  );
}

/** Per-challenge results, when the server gives them on the link (Yes / No, Match / No match); "---" until then. */
type LinkRow = NonNullable<ReturnType<typeof useLinks>['data']>[number];

/** The engine's result per challenge (advice); "---" until the person has finished an attempt set. */
function result(link: LinkRow, key: 'blink' | 'nod' | 'shake' | 'photo'): string {
  return link.results?.[key] ?? '---';
}

function LivenessGrid({ application }: { application: Application }) {
  const { t } = useTranslation('work');
  const session = useSession();
  const links = useLinks(application.reference);
  const rows = links.data ?? [];
  return (
    <section aria-labelledby="liveness-checks">
      <div className="page-header">
        <h3 id="liveness-checks">{t('livenessChecks')}</h3>
        {session.hasRole('case-officer') && (
          <Link className="button" href={`/applications/${application.reference}/liveness-links/new`}>
            {t('newLivenessCheck')}
          </Link>
        )}
      </div>
      <Refusal error={links.error} />
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('livenessChecks')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('livenessUrl')}</th>
              <th scope="col">{t('documentPerson')}</th>
              <th scope="col">{t('blink')}</th>
              <th scope="col">{t('nod')}</th>
              <th scope="col">{t('shake')}</th>
              <th scope="col">{t('photo')}</th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td>---</td>
                <td>---</td>
                <td>No</td>
                <td />
                <td />
                <td />
                <td />
              </tr>
            ) : (
              rows.map((link) => {
                const name = personName(application, link.personId);
                return (
                  <tr key={link.id}>
                    <td>
                      <Link href={`/applications/${application.reference}/liveness-links/${link.id}`}>
                        {t('linkOf', { name })}
                      </Link>
                    </td>
                    <td>{name}</td>
                    <td>{result(link, 'blink')}</td>
                    <td>{result(link, 'nod')}</td>
                    <td>{result(link, 'shake')}</td>
                    <td>{result(link, 'photo')}</td>
                    <td>{link.status ?? t('notSent')}</td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Documents({ application }: { application: Application }) {
  const { t } = useTranslation('work');
  const session = useSession();
  return (
    <>
      <h2>{t('tabs.documents')}</h2>
      <section aria-labelledby="supporting-documents">
        <h3 id="supporting-documents">{t('supportingDocuments')}</h3>
        {session.hasRole('case-officer') && <Upload application={application} />}
        <DocumentsGrid application={application} />
      </section>
      <LivenessGrid application={application} />
    </>
  );
}
