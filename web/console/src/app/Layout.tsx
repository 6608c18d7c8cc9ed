// The console's frame: skip link, header with the office's logo and name (configured on the server), the menu (by role), language switch, sign-out.
import { Suspense } from 'react';
import { Button, Link } from 'react-aria-components';
import { Outlet, useHref, useLocation, useNavigate } from 'react-router';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index.ts';
import { useSession, type Officer } from './session.tsx';
import { SessionExpiredDialog } from './SessionExpiredDialog.tsx';
import { ACCOUNT_MENU, menuFor } from './menu.ts';
import { useAccountSession } from './account-session.ts';
import { useBranding } from './branding.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language')}>
      {LANGUAGES.map((language: Language) => (
        <Button
          key={language}
          className="link-button"
          aria-pressed={i18n.language === language}
          onPress={() => setLanguage(language)}
        >
          <span lang={language}>{t(`languages.${language}`)}</span>
        </Button>
      ))}
    </div>
  );
}

function AccountMenu() {
  const { t } = useTranslation('account');
  const { t: common } = useTranslation();
  return (
    <nav className="menu" aria-label={common('menu')}>
      <p className="menu-title">{common('menu')}</p>
      <ul>
        {ACCOUNT_MENU.map((item) => (
          <li key={item.href}>
            <Link href={item.href}>{t(`menu.${item.label}`)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Menu({ officer }: { officer: Officer | undefined }) {
  const { t } = useTranslation();
  const items = menuFor(officer?.roles ?? []);
  return (
    <nav className="menu" aria-label={t('menu')}>
      <p className="menu-title">{t('menu')}</p>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href}>{t(`nav.${item.label}`)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Who is signed in to the account administrators' pages, and their sign-out. */
function AccountWho() {
  const { t } = useTranslation('account');
  const account = useAccountSession();
  const navigate = useNavigate();
  if (!account.account) return null;
  return (
    <>
      <span className="who">{t('signedInAs', { id: account.account.accountId })}</span>
      <Button className="link-button" onPress={() => void account.signOut().then(() => navigate('/account/signin'))}>
        {t('signOut')}
      </Button>
    </>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const onAccountPages = useLocation().pathname.startsWith('/account');
  const branding = useBranding();
  return (
    <AriaRouterProvider navigate={(to) => void navigate(to)} useHref={useHref}>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="top">
        <div className="brand">
          <Link href="/">
            {branding?.logoUrl && <img className="logo" src={branding.logoUrl} alt="" />}
            <span className="office-name">{branding?.officeName ?? t('appName')}</span>
          </Link>{' '}
          <span className="office">{t('serviceName')}</span>
        </div>
        <div className="top-actions">
          <LanguageSwitch />
          {onAccountPages && <AccountWho />}
          {!onAccountPages && session.officer && (
            <>
              <span className="who">{t('signedInAs', { name: session.officer.fullName })}</span>
              <Button className="link-button" onPress={() => void session.signOut().then(() => navigate('/signin'))}>
                {t('signOut')}
              </Button>
            </>
          )}
        </div>
      </header>
      <div className="frame">
        {onAccountPages ? <AccountMenu /> : <Menu officer={session.officer} />}
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <SessionExpiredDialog />
    </AriaRouterProvider>
  );
}
