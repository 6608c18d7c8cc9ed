// D5 the challenge recordings (the seed withholds DAON's player; ours): for each challenge its best frame and
// the frame that shows the movement, and every recorded frame in order, so the officer can watch the movement
// and name the recording in the task's comments.
import { useTranslation } from 'react-i18next';
import type { Attempt } from '../liveness-links/data.ts';
import { resultClass } from './Evaluation.tsx';

export function Recordings({ attempt, imageOf }: { attempt: Attempt; imageOf(path: string): string }) {
  const { t } = useTranslation('liveness');
  if (attempt.challengeResults.length === 0) return <p>{t('notDecided')}</p>;
  return (
    <>
      {attempt.challengeResults.map((c) => {
        const name = t(`challenges.${c.challenge}`);
        const frames = Array.from({ length: c.frameCount }, (_, i) => i);
        return (
          <section key={c.challenge} aria-labelledby={`recording-${c.challenge}`} className="stack">
            <h3 id={`recording-${c.challenge}`}>
              {name} <span className={resultClass(c.result)}>{c.result}</span>
            </h3>
            <div className="images">
              {c.bestFrameIndex >= 0 && (
                <figure>
                  <img
                    src={imageOf(`attempts/${attempt.number}/best-frames/${c.challenge}`)}
                    alt={`${t('bestFrame')}: ${name}`}
                    loading="lazy"
                  />
                  <figcaption>{t('bestFrame')}</figcaption>
                </figure>
              )}
              {c.evidenceFrameIndex >= 0 && (
                <figure>
                  <img
                    src={imageOf(`attempts/${attempt.number}/evidence-frames/${c.challenge}`)}
                    alt={`${t('evidenceFrame')}: ${name}`}
                    loading="lazy"
                  />
                  <figcaption>{t('evidenceFrame')}</figcaption>
                </figure>
              )}
            </div>
            {frames.length > 0 && (
              <details>
                <summary>{t('allFrames', { count: frames.length })}</summary>
                <ol className="frames">
                  {frames.map((i) => (
                    <li key={i}>
                      <img
                        src={imageOf(`attempts/${attempt.number}/frames/${c.challenge}/${i}`)}
                        alt={t('frameAlt', { challenge: name, index: i + 1 })}
                        loading="lazy"
                        width={120}
                      />
                    </li>
                  ))}
                </ol>
              </details>
            )}
          </section>
        );
      })}
    </>
  );
}
