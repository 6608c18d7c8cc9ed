// S8 the Liveness Check record: header (Record ID, Owner SYSTEM, Status Reason), tabs General (relationship,
// person, email, person photo; Send Liveness, Resend) and Liveness results (the engine's Blink, Nod, Shake and
// Photo results, advice only, with the way to the evidence).
import { useState, type FormEvent } from 'react';
import { Button, Form, Link, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { instant } from '../../components/dates.ts';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { personName, useApplication, useDocuments, type Application } from '../application/data.ts';
import { Refusal } from '../work/lists.tsx';
import { evidenceAddress, linkAddress, linkKey, useLink, type LivenessLink } from './data.ts';

function Header({ link }: { link: LivenessLink }) {
  const { t } = useTranslation('liveness');
  return (
    <dl className="record-header">
      <div>
        <dt>{t('recordId')}</dt>
        <dd>{link.id.slice(0, 13).toUpperCase()}</dd>
      </div>
      <div>
        <dt>{t('owner')}</dt>
        <dd>{t('system')}</dd>
      </div>
      <div>
        <dt>{t('statusReason')}</dt>
        <dd>
          <span
            className={`status ${link.status === 'Completed' ? 'status-good' : link.status === 'Expired' ? 'status-bad' : 'status-wait'}`}
          >
            {t(`statuses.${link.status ?? 'notSent'}`)}
          </span>
        </dd>
      </div>
    </dl>
  );
}

function Actions({ link, application }: { link: LivenessLink; application: Application }) {
  const { t } = useTranslation('liveness');
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const refresh = (updated: LivenessLink) => {
    queryClient.setQueryData(linkKey(updated.id), updated);
    void queryClient.invalidateQueries({ queryKey: ['application', application.reference, 'liveness-links'] });
  };
  const send = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/liveness-links/{linkId}/send', { params: { path: { linkId: link.id } } })),
    onSuccess: refresh,
  });
  const resend = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/liveness-links/{linkId}/resend', {
          params: { path: { linkId: link.id } },
          body: email.trim() === '' ? {} : { email: email.trim() },
        }),
      ),
    onSuccess: (created) => {
      refresh(created);
      void queryClient.invalidateQueries({ queryKey: linkKey(link.id) });
      void navigate(linkAddress(application.reference, created.id), { state: { resent: true } });
    },
  });
  if (!session.hasRole('case-officer')) return null;
  if (link.supersededBy) {
    return (
      <p>
        {t('replacedBy')} <Link href={linkAddress(application.reference, link.supersededBy)}>{t('openNewer')}</Link>
      </p>
    );
  }
  if (link.status === null) {
    return (
      <div className="stack narrow">
        <Refusal error={send.error} />
        <div>
          <Button className="button primary" isDisabled={send.isPending} onPress={() => send.mutate()}>
            {send.isPending ? t('sending') : t('send')}
          </Button>
        </div>
      </div>
    );
  }
  const submitResend = (event: FormEvent) => {
    event.preventDefault();
    resend.mutate();
  };
  return (
    <Form onSubmit={submitResend} className="stack narrow" aria-label={t('resend')}>
      <Field label={t('resendEmail')} description={t('resendHelp')} type="email" value={email} onChange={setEmail} />
      <Refusal error={resend.error} />
      <div>
        <Button type="submit" className="button" isDisabled={resend.isPending}>
          {resend.isPending ? t('sending') : t('resend')}
        </Button>
      </div>
    </Form>
  );
}

function General({ link, application }: { link: LivenessLink; application: Application }) {
  const { t } = useTranslation('liveness');
  const documents = useDocuments(application.reference);
  const photo = (documents.data ?? []).find((d) => d.personId === link.personId && d.kind === 'passport-style-image');
  const resent = (useLocation().state as { resent?: boolean } | null)?.resent === true;
  return (
    <>
      {resent && (
        <p role="status" className="notice notice-ok">
          {t('resent')}
        </p>
      )}
      {link.status === 'Active' && (
        <div role="status" className="notice notice-ok">
          <p className="notice-title">{t('sent', { email: link.email })}</p>
          <p>{t('callApplicant')}</p>
        </div>
      )}
      <dl className="facts">
        <dt>{t('relationship')}</dt>
        <dd>{t(`relationships.${link.relationship === 'Consenting Parties' ? 'Consenting Parties' : 'Adult'}`)}</dd>
        <dt>{t('person')}</dt>
        <dd>{personName(application, link.personId)}</dd>
        <dt>{t('email')}</dt>
        <dd>{link.email}</dd>
        <dt>{t('personPhoto')}</dt>
        <dd>{photo ? photo.fileName : t('noPhoto')}</dd>
        <dt>{t('sentAt')}</dt>
        <dd>{link.sentAt ? instant(link.sentAt) : '---'}</dd>
        <dt>{t('expiresAt')}</dt>
        <dd>{link.expiresAt ? instant(link.expiresAt) : '---'}</dd>
        <dt>{t('completedAt')}</dt>
        <dd>{link.completedAt ? instant(link.completedAt) : '---'}</dd>
      </dl>
      <Actions link={link} application={application} />
    </>
  );
}

function Results({ link, application }: { link: LivenessLink; application: Application }) {
  const { t } = useTranslation('liveness');
  const r = link.results;
  return (
    <>
      {r ? (
        <>
          <p>{t('resultsIntro', { used: r.attemptsUsed })}</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('tabs.results')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('challenge')}</th>
                  <th scope="col">{t('result')}</th>
                </tr>
              </thead>
              <tbody>
                {(['BLINK', 'NOD', 'SHAKE'] as const).map((c) => (
                  <tr key={c}>
                    <th scope="row">{t(`challenges.${c}`)}</th>
                    <td>{r[c === 'BLINK' ? 'blink' : c === 'NOD' ? 'nod' : 'shake'] ?? '---'}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('photo')}</th>
                  <td>{r.photo ?? '---'}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>{t('noResults')}</p>
      )}
      {link.sessionId && (
        <p>
          <Link className="button" href={evidenceAddress(application.reference, link.sessionId)}>
            {t('openEvidence')}
          </Link>
        </p>
      )}
    </>
  );
}

export default function LivenessLinkRecord() {
  const { t } = useTranslation('liveness');
  const { ref = '', linkId = '' } = useParams();
  const application = useApplication(ref);
  const link = useLink(linkId);
  const [tab, setTab] = useState<'general' | 'results'>('general');
  const data = link.data;
  return (
    <Page
      title={`${t('recordTitle')}${data && application.data ? ` · ${personName(application.data, data.personId)}` : ''}`}
    >
      <p>
        <Link href={`/applications/${ref}/documents`}>{t('backToApplication', { ref })}</Link>
      </p>
      <Refusal error={link.error ?? application.error} />
      {(link.isPending || application.isPending) && <p role="status">…</p>}
      {data && application.data && (
        <>
          <Header link={data} />
          <Tabs
            className="tabs"
            selectedKey={tab}
            onSelectionChange={(key) => setTab(key === 'results' ? 'results' : 'general')}
          >
            <TabList aria-label={t('recordTabs')}>
              <Tab id="general">{t('tabs.general')}</Tab>
              <Tab id="results">{t('tabs.results')}</Tab>
            </TabList>
            <TabPanel id="general">
              <General link={data} application={application.data} />
            </TabPanel>
            <TabPanel id="results">
              <Results link={data} application={application.data} />
            </TabPanel>
          </Tabs>
        </>
      )}
    </Page>
  );
}
