// S1–S4: the CBG application record — header (value over label: subject person, service request, status,
// owner) and the tab strip: General, Supporting documents, Confirm identity, Escalations and the audit trail.
// The tab is part of the address (/applications/:ref/documents …), so a tab can be linked and reloaded.
import { Button, Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { Page } from '../../components/Page.tsx';
import { EscalationTable } from '../work/EscalationTable.tsx';
import { stageLabel } from '../work/labels.ts';
import { Refusal } from '../work/lists.tsx';
import { Audit } from './Audit.tsx';
import { ConfirmIdentity } from './ConfirmIdentity.tsx';
import { applicationKey, useApplication, type Application } from './data.ts';
import { Documents } from './Documents.tsx';
import { General } from './General.tsx';
import { Reassign } from './Reassign.tsx';

const TABS = ['general', 'documents', 'identity', 'escalations', 'audit'] as const;
type TabId = (typeof TABS)[number];
const isTab = (key: string): key is TabId => (TABS as readonly string[]).includes(key);

function Header({ application }: { application: Application }) {
  const { t } = useTranslation('work');
  const session = useSession();
  const queryClient = useQueryClient();
  const pickUp = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/applications/{ref}/pick-up', { params: { path: { ref: application.reference } } }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(applicationKey(application.reference), updated);
      void queryClient.invalidateQueries({ queryKey: ['work'] });
      void queryClient.invalidateQueries({ queryKey: ['application', application.reference, 'tasks'] });
    },
  });
  const subject = application.people.find((p) => p.relationship === 'applicant') ?? application.people[0];
  return (
    <>
      <dl className="record-header">
        <div>
          <dt>{t('subjectPerson')}</dt>
          <dd>{subject?.fullName ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('serviceRequest')}</dt>
          <dd>{application.reference}</dd>
        </div>
        <div>
          <dt>{t('status')}</dt>
          <dd>{stageLabel(t, application.stage, application.stageLabel)}</dd>
        </div>
        <div>
          <dt>{t('owner')}</dt>
          <dd>{application.owner?.fullName ?? t('unassigned')}</dd>
        </div>
      </dl>
      <Refusal error={pickUp.error} />
      {!application.owner && session.hasRole('case-officer') && (
        <p>
          <Button className="button" isDisabled={pickUp.isPending} onPress={() => pickUp.mutate()}>
            {t('pickUp')}
          </Button>
        </p>
      )}
      {session.hasRole('team-leader') && application.stage !== 'closed' && <Reassign application={application} />}
    </>
  );
}

export default function ApplicationRecord() {
  const { t } = useTranslation('work');
  const { ref = '', '*': rest = '' } = useParams();
  const navigate = useNavigate();
  const application = useApplication(ref);
  const selected: TabId = isTab(rest) ? rest : 'general';
  const select = (key: Key) => {
    const tab = String(key);
    void navigate(tab === 'general' ? `/applications/${ref}` : `/applications/${ref}/${tab}`, { replace: true });
  };
  const data = application.data;
  return (
    <Page title={`${ref} · ${t('entityName')}`}>
      <Refusal error={application.error} />
      {application.isPending && <p role="status">…</p>}
      {data && (
        <>
          <Header application={data} />
          <Tabs className="tabs" selectedKey={selected} onSelectionChange={select}>
            <TabList aria-label={t('recordTabs')}>
              {TABS.map((tab) => (
                <Tab key={tab} id={tab}>
                  {t(`tabs.${tab}`)}
                </Tab>
              ))}
            </TabList>
            <TabPanel id="general">
              <General application={data} />
            </TabPanel>
            <TabPanel id="documents">
              <Documents application={data} />
            </TabPanel>
            <TabPanel id="identity">
              <ConfirmIdentity application={data} />
            </TabPanel>
            <TabPanel id="escalations">
              <h2>{t('tabs.escalations')}</h2>
              <EscalationTable
                caption={t('escalationsOf')}
                empty={t('noEscalations')}
                applicationRef={data.reference}
              />
            </TabPanel>
            <TabPanel id="audit">
              <Audit reference={data.reference} />
            </TabPanel>
          </Tabs>
        </>
      )}
    </Page>
  );
}
