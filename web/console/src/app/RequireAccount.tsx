import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccountSession } from './account-session.ts';

/** Account administrators' pages: a visitor without an account session goes to its sign-in and comes back. */
export function RequireAccount() {
  const { t } = useTranslation();
  const session = useAccountSession();
  const location = useLocation();
  if (session.loading) return <p role="status">{t('loading')}</p>;
  if (!session.account)
    return <Navigate to={`/account/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}
