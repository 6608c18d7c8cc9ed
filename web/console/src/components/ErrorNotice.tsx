// An API refusal or failure shown in the server's plain words, with the fields it names.
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title ?? t('problemsIn')}</p>
      <p>{message}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((problem) => (
            <li key={problem.field}>
              <code>{problem.field}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
