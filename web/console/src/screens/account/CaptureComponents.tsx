// The components of a captured document's combination source (seed 003 "Combination sources"): Document
// Authenticity with each check named and its result, Data Extraction field by field (what was read from the
// document, what the person confirmed), the document's data source (a registry's fields with their results), Face Comparison with its faceMatchScore, and
// Document Registration Match (what the person confirmed against the registered details). States and field
// statuses are shown in the words the API gives beside each code (seed 004); the checks' names come from
// GET /api/v1/reference/names.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, unwrap, type Answer } from '../../api/client.ts';
import { Table } from '../../components/Table.tsx';

type CurrentStatus = Answer<'/api/v1/verifications/{verificationId}', 'get'>;
export type CheckResult = CurrentStatus['verificationResult']['individualResult'][number];
type Component = NonNullable<CheckResult['individualResult']>[number];
type FieldResult = Component['fieldResult'][number];

/** What a component's fields were compared with: the document's reading, or the registered details. */
const COMPARED_WITH: Readonly<Record<string, 'extracted' | 'registered'>> = {
  'Data Extraction': 'extracted',
  'Document Registration Match': 'registered',
};
const FIELD_NAMES = [
  'GovId',
  'documentNumber',
  'cardNumber',
  'dob',
  'surname',
  'givenName',
  'middleNames',
  'documentScan',
  'face',
] as const;
const CHECK_RESULTS = ['PASSED', 'FAILED', 'NOT_CHECKED'] as const;

const fieldStatus = (f: FieldResult): string => f.statusName ?? f.status ?? '—';

const fieldName = (t: TFunction<'account'>, name: string): string => {
  const known = FIELD_NAMES.find((n) => n === name);
  return known ? t(`capture.fields.${known}`) : name;
};

// A field confirmed unchanged carries its value once (identifiers not at all); a changed one carries both sides.
const confirmedValue = (f: FieldResult): string => f.changedValue ?? f.value ?? '';
const otherValue = (f: FieldResult, side: 'extracted' | 'registered'): string =>
  (side === 'extracted' ? f.extractedValue : f.masterRecordValue) ?? (f.status === 'CONFIRMED' ? (f.value ?? '') : '');

function useDocumentCheckNames(): ReadonlyMap<string, string> {
  const names = useQuery({
    queryKey: ['reference', 'names'],
    queryFn: async () => unwrap(await api.GET('/api/v1/reference/names')),
    staleTime: Infinity,
  });
  return new Map((names.data?.documentChecks ?? []).map((c) => [c.code, c.name]));
}

function FieldTable({ component, side }: { component: Component; side: 'extracted' | 'registered' }) {
  const { t } = useTranslation('account');
  const shown = (value: string) => value || '—';
  return (
    <Table
      caption={t('capture.fieldsOf', { component: component.name })}
      captionHidden
      rowHeaders
      rows={component.fieldResult}
      rowKey={(f) => f.name}
      columns={[
        { heading: t('field'), cell: (f) => fieldName(t, f.name) },
        { heading: t(`capture.${side}`), cell: (f) => shown(otherValue(f, side)) },
        { heading: t('capture.confirmed'), cell: (f) => shown(confirmedValue(f)) },
        { heading: t('fieldStatus'), cell: fieldStatus },
      ]}
    />
  );
}

/** A component compared otherwise (a registry data source): each field and its result. */
function FieldStatuses({ component }: { component: Component }) {
  const { t } = useTranslation('account');
  return (
    <Table
      rowHeaders
      rows={component.fieldResult}
      rowKey={(f) => f.name}
      columns={[
        { heading: t('field'), cell: (f) => fieldName(t, f.name) },
        { heading: t('fieldStatus'), cell: fieldStatus },
      ]}
    />
  );
}

function Checks({ component, names }: { component: Component; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('account');
  const result = (value: string) => {
    const known = CHECK_RESULTS.find((r) => r === value);
    return known ? t(`capture.results.${known}`) : value;
  };
  return (
    <ul className="capture-checks">
      {(component.extraData ?? []).map((c) => (
        <li key={c.name}>
          {names.get(c.name) ?? c.name}: {result(c.value)}
        </li>
      ))}
    </ul>
  );
}

/** The components of one combination source, each with its state in words. */
export function CaptureComponents({ check }: { check: CheckResult }) {
  const { t } = useTranslation('account');
  const names = useDocumentCheckNames();
  const components = check.individualResult ?? [];
  if (components.length === 0) return null;
  const headingId = `components-${check.name}`;
  return (
    <section aria-labelledby={headingId} className="stack">
      <h3 id={headingId}>{t('capture.componentsOf', { check: check.name })}</h3>
      {components.map((component) => {
        const side = COMPARED_WITH[component.name];
        const label = `${component.name}: ${component.stateName}`;
        return (
          <div key={component.name} role="group" aria-label={label} className="stack">
            <h4>
              {component.name}: {component.stateName} ({component.state})
            </h4>
            {component.faceMatchScore !== undefined && (
              <p>{t('capture.faceMatchScore', { score: component.faceMatchScore })}</p>
            )}
            {component.extraData && component.extraData.length > 0 && <Checks component={component} names={names} />}
            {component.fieldResult.length > 0 && (
              <div
                className="table-scroll"
                tabIndex={0}
                role="region"
                aria-label={t('capture.fieldsOf', { component: component.name })}
              >
                {side ? <FieldTable component={component} side={side} /> : <FieldStatuses component={component} />}
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}
