// D4 "TRUSTED SOURCE FACE - PROVIDED": the claim face (the application photo, or another trusted source) beside
// the user face (the selfie), with Result, FMR and Threshold; below, every comparison the engine made.
import { useTranslation } from 'react-i18next';
import type { Attempt } from '../liveness-links/data.ts';
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
          <table aria-labelledby={`face-${row.source}`}>
            <thead>
              <tr>
                <th scope="col">{t('result')}</th>
                <th scope="col">{t('fmr')}</th>
                <th scope="col">{t('threshold')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>
                  <span className={resultClass(row.result)}>{row.result}</span>
                </td>
                <td>{row.fmrText}</td>
                <td>{row.thresholdText}</td>
              </tr>
            </tbody>
          </table>
        </section>
      ))}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('facesCaption')}>
        <table>
          <caption>{t('facesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('probe')}</th>
              <th scope="col">{t('source')}</th>
              <th scope="col">{t('result')}</th>
              <th scope="col">{t('fmr')}</th>
              <th scope="col">{t('threshold')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.probe}-${row.source}`}>
                <td>{row.label}</td>
                <td>{row.source}</td>
                <td>
                  <span className={resultClass(row.result)}>{row.result}</span>
                </td>
                <td>{row.fmrText}</td>
                <td>{row.thresholdText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
