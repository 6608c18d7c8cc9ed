import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from './session.tsx';

/** Officer pages: signed-out visitors go to the sign-in page and come back to where they were going. */
export function RequireOfficer() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.loading) return <p role="status">{t('loading')}</p>;
  if (!session.officer)
    return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}
