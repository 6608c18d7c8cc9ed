// S10: the 1:1 match record: Identity, Travel and Visa (with the calculation), Alerts, Exceptions.
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { count, longDate, shortDate, shortDateTime } from '../../components/dates.ts';
import { ExceptionsTable } from './ExceptionsTable.tsx';
import { Grid } from './Grid.tsx';
import type { Identity, InzRecords, TravelAndVisa } from './records.ts';

function IdentityTab({ identity }: { identity: Identity }) {
  const { t } = useTranslation('inz');
  return (
    <>
      <h3>{t('personal')}</h3>
      <dl className="facts">
        <dt>{t('clientId')}</dt>
        <dd>{identity.clientId}</dd>
        <dt>{t('identityId')}</dt>
        <dd>{identity.identityId}</dd>
        <dt>{t('givenNames')}</dt>
        <dd>{identity.givenNames}</dd>
        <dt>{t('middleNames')}</dt>
        <dd>{identity.middleNames ?? '---'}</dd>
        <dt>{t('familyName')}</dt>
        <dd>{identity.familyName}</dd>
        <dt>{t('gender')}</dt>
        <dd>{identity.gender}</dd>
        <dt>{t('dateOfBirth')}</dt>
        <dd>{shortDate(identity.dateOfBirth)}</dd>
        <dt>{t('countryOfBirth')}</dt>
        <dd>{identity.countryOfBirth}</dd>
      </dl>
      <Grid
        caption={t('supportingDocuments')}
        columns={[t('name'), t('documentType'), t('providedAs')]}
        rows={identity.photo ? [[identity.photo.name, t('inzPhoto'), t('identityRole')]] : []}
      />
      <Grid
        caption={t('otherNames')}
        columns={[t('givenNames'), t('familyName'), t('nameType')]}
        rows={identity.otherNames.map((n) => [n.givenNames, n.familyName, n.nameType])}
      />
      <Grid
        caption={t('latestAddress')}
        columns={[t('addressType'), t('address'), t('addressUpdated')]}
        rows={
          identity.latestAddress
            ? [
                [
                  identity.latestAddress.addressType,
                  identity.latestAddress.address,
                  shortDateTime(identity.latestAddress.lastUpdated),
                ],
              ]
            : []
        }
      />
      <Grid
        caption={t('relationships')}
        columns={[
          t('relationship'),
          t('givenNames'),
          t('middleNames'),
          t('familyName'),
          t('dateOfBirth'),
          t('countryOfResidence'),
        ]}
        rows={identity.relationships.map((r) => [
          r.relationship,
          r.givenNames,
          r.middleNames ?? '—',
          r.familyName,
          shortDate(r.dateOfBirth),
          r.countryOfResidence ?? '—',
        ])}
      />
    </>
  );
}

function TravelTab({ data }: { data: TravelAndVisa }) {
  const { t } = useTranslation('inz');
  const passFail = (met: boolean | null) => (met === null ? '—' : met ? t('pass') : t('fail'));
  const p = data.presence;
  return (
    <>
      <h3>{t('calculation')}</h3>
      <dl className="facts" data-testid="calculation">
        <dt>{t('residenceGranted')}</dt>
        <dd>{shortDate(p.residenceStartDate)}</dd>
        <dt>{t('totalDays')}</dt>
        <dd>
          <strong>{count(p.totalDays)}</strong>
        </dd>
        <dt>{t('totalResult')}</dt>
        <dd>
          <strong>{passFail(p.totalMet)}</strong>
        </dd>
      </dl>
      <p className={`status ${p.eligible ? 'status-good' : 'status-bad'}`}>
        {p.eligible ? t('eligible') : t('notEligible')}
      </p>
      <Grid
        caption={t('yearBreakdown')}
        columns={[t('sequence'), t('yearRange'), t('daysEachYear'), t('yearResult')]}
        rows={p.years.map((y) => [
          String(y.sequence),
          `${longDate(y.from)} – ${longDate(y.to)}`,
          count(y.days),
          passFail(y.met),
        ])}
      />
      <h3>{t('travel')}</h3>
      <Grid
        caption={t('latestDocument')}
        columns={[t('documentNumber'), t('issuingState')]}
        rows={
          data.travel.latestDocument
            ? [[data.travel.latestDocument.number, data.travel.latestDocument.issuingState]]
            : []
        }
      />
      <Grid
        caption={t('gaps')}
        columns={[t('gapType'), t('departureDate'), t('arrivalDate'), t('daysAbsent')]}
        rows={data.travel.presenceGaps.map((g) => [
          g.type,
          shortDateTime(g.departure),
          shortDateTime(g.arrival),
          count(g.daysAbsent),
        ])}
      />
      <Grid
        caption={t('fullHistory')}
        columns={[t('direction'), t('movementDate'), t('port')]}
        rows={data.travel.fullHistory.map((m) => [
          m.direction === 'arrival' ? t('arrival') : t('departure'),
          shortDateTime(m.dateTime),
          m.port,
        ])}
      />
      <Grid
        caption={t('visaHistory')}
        columns={[t('visaType'), t('visaStart'), t('visaExpiry'), t('visaConditions')]}
        rows={data.visaHistory.map((v) => [
          v.type,
          shortDateTime(v.start),
          shortDateTime(v.expiry),
          v.conditions.length ? v.conditions.join(' ') : '—',
        ])}
      />
    </>
  );
}

export function OneToOne({ records }: { records: InzRecords }) {
  const { t } = useTranslation('inz');
  const { identity, travelAndVisa, alerts = [] } = records.tabs;
  return (
    <Tabs className="tabs">
      <TabList aria-label={t('form1to1')}>
        <Tab id="identity">{t('tabs.identity')}</Tab>
        <Tab id="travel">{t('tabs.travel')}</Tab>
        <Tab id="alerts">{t('tabs.alerts')}</Tab>
        <Tab id="exceptions">{t('tabs.exceptions')}</Tab>
      </TabList>
      <TabPanel id="identity">{identity && <IdentityTab identity={identity} />}</TabPanel>
      <TabPanel id="travel">{travelAndVisa && <TravelTab data={travelAndVisa} />}</TabPanel>
      <TabPanel id="alerts">
        <Grid
          caption={t('alerts')}
          columns={[t('alertCode'), t('alertDescription'), t('alertRaised')]}
          rows={alerts.map((a) => [a.code, a.description, shortDate(a.raised)])}
        />
      </TabPanel>
      <TabPanel id="exceptions">
        <h3>{t('apiExceptions')}</h3>
        <ExceptionsTable exceptions={records.exceptions} />
      </TabPanel>
    </Tabs>
  );
}
