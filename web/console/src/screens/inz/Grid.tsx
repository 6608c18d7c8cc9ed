// A captioned table of rows, or "No data available." (the office's wording) when there are none.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Grid({ caption, columns, rows }: { caption: string; columns: string[]; rows: ReactNode[][] }) {
  const { t } = useTranslation('inz');
  return (
    <section>
      <h3>{caption}</h3>
      {rows.length === 0 ? (
        <p>{t('noData')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((cells, i) => (
                <tr key={i}>
                  {cells.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
