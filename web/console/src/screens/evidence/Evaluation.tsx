// D3 "Evaluation": the engine's rows (Liveness Assessment and Face Authentication: type, detail, result) and
// each challenge with its score and, when it did not pass, the reason in words with its stable code.
import { useTranslation } from 'react-i18next';
import type { Attempt } from '../liveness-links/data.ts';

interface EvaluationRow {
  type: string;
  detail: string;
  result: string;
}

const isRow = (value: object): value is EvaluationRow =>
  typeof (value as Partial<EvaluationRow>).type === 'string' &&
  typeof (value as Partial<EvaluationRow>).detail === 'string' &&
  typeof (value as Partial<EvaluationRow>).result === 'string';

export function resultClass(result: string | null): string {
  if (result === 'PASS' || result === 'MATCH') return 'status status-good';
  if (result === 'FAIL' || result === 'NO MATCH' || result === 'ERROR') return 'status status-bad';
  return 'status status-wait';
}

export function Evaluation({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation('liveness');
  if (attempt.state !== 'DECIDED') return <p>{t('notDecided')}</p>;
  const rows = attempt.evaluation.flatMap((r) => (isRow(r) ? [r] : []));
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('evaluationCaption')}>
        <table>
          <caption>{t('evaluationCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('type')}</th>
              <th scope="col">{t('detail')}</th>
              <th scope="col">{t('result')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.type}-${row.detail}`}>
                <td>{row.type}</td>
                <td>{row.detail}</td>
                <td>
                  <span className={resultClass(row.result)}>{row.result}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('challengeCaption')}>
        <table>
          <caption>{t('challengeCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('challenge')}</th>
              <th scope="col">{t('result')}</th>
              <th scope="col">{t('score')}</th>
              <th scope="col">{t('reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {attempt.challengeResults.map((c) => (
              <tr key={c.challenge}>
                <th scope="row">{t(`challenges.${c.challenge}`)}</th>
                <td>
                  <span className={resultClass(c.result)}>{c.result}</span>
                </td>
                <td>{c.score.toFixed(4)}</td>
                <td>
                  {c.reasons.length === 0
                    ? t('noReasons')
                    : c.reasons.map((code) => (
                        <span key={code} className="reason">
                          {t(`reasonCodes.${code}`, { defaultValue: code })} <code>{code}</code>
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
