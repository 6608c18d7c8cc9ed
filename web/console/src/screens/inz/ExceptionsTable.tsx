import { useTranslation } from 'react-i18next';
import type { InzException } from './records.ts';

export function ExceptionsTable({ exceptions }: { exceptions: InzException[] }) {
  const { t } = useTranslation('inz');
  if (exceptions.length === 0) return <p>{t('noExceptions')}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{t('apiExceptions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exceptionType')}</th>
            <th scope="col">{t('exception')}</th>
          </tr>
        </thead>
        <tbody>
          {exceptions.map((e) => (
            <tr key={`${e.type}:${e.exception}`}>
              <td>{e.type}</td>
              <td>{e.exception}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
