// D4 "TRUSTED SOURCE FACE - PROVIDED": the claim face (the application photo, or another trusted source) beside
// the user face (the selfie), with Result, FMR and Threshold; below, every comparison the engine made.
import { useTranslation } from 'react-i18next';
import type { Attempt } from '../liveness-links/data.ts';
import { Table, type Column } from '../../components/Table.tsx';
import { resultClass } from './Evaluation.tsx';

interface FaceRow {
  probe: string;
  source: string;
  label: string;
  fmrText: string;
  thresholdText: string;
  result: string;
}

const isFaceRow = (value: object): value is FaceRow => {
  const r = value as Partial<FaceRow>;
  return (
    typeof r.probe === 'string' &&
    typeof r.source === 'string' &&
    typeof r.label === 'string' &&
    typeof r.result === 'string'
  );
};

export function Faces({ attempt, imageOf }: { attempt: Attempt; imageOf(path: string): string }) {
  const { t } = useTranslation('liveness');
  if (attempt.state !== 'DECIDED') return <p>{t('notDecided')}</p>;
  const rows = attempt.faces.flatMap((r) => (isFaceRow(r) ? [r] : []));
  const selfieRows = rows.filter((r) => r.probe === 'SELFIE');
  const measured: Column<FaceRow>[] = [
    { heading: t('result'), cell: (r) => <span className={resultClass(r.result)}>{r.result}</span> },
    { heading: t('fmr'), cell: (r) => r.fmrText },
    { heading: t('threshold'), cell: (r) => r.thresholdText },
  ];
  return (
    <>
      <p className="hint">{t('facesHelp')}</p>
      {selfieRows.map((row) => (
        <section key={row.source} aria-labelledby={`face-${row.source}`} className="stack">
          <h3 id={`face-${row.source}`}>{t('trustedSourceFace', { source: row.source })}</h3>
          <div className="images">
            <figure>
              <img
                src={imageOf(`trusted-sources/${row.source}`)}
                alt={t('sourceAlt', { source: row.source })}
                loading="lazy"
              />
              <figcaption>{t('claimFace')}</figcaption>
            </figure>
            <figure>
              <img
                src={imageOf(`attempts/${attempt.number}/selfie`)}
                alt={t('selfieAlt', { number: attempt.number })}
                loading="lazy"
              />
              <figcaption>{t('userFace')}</figcaption>
            </figure>
          </div>
          <Table labelledBy={`face-${row.source}`} rows={[row]} rowKey={(r) => r.source} columns={measured} />
        </section>
      ))}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('facesCaption')}>
        <Table
          caption={t('facesCaption')}
          rows={rows}
          rowKey={(r) => `${r.probe}-${r.source}`}
          columns={[
            { heading: t('probe'), cell: (r) => r.label },
            { heading: t('source'), cell: (r) => r.source },
            ...measured,
          ]}
        />
      </div>
    </>
  );
}
