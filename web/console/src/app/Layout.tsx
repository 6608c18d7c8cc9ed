// The console's frame: skip link, header with the office name, the menu (by role), language switch, sign-out.
import { Suspense } from 'react';
import { Button, Link } from 'react-aria-components';
import { Outlet, useHref, useNavigate } from 'react-router';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index.ts';
import { useSession, type Officer } from './session.tsx';
import { SessionExpiredDialog } from './SessionExpiredDialog.tsx';
import { menuFor } from './menu.ts';

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

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  return (
    <AriaRouterProvider navigate={(to) => void navigate(to)} useHref={useHref}>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="top">
        <div className="brand">
          <Link href="/">{t('appName')}</Link> <span className="office">{t('officeName')}</span>
        </div>
        <div className="top-actions">
          <LanguageSwitch />
          {session.officer && (
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
        <Menu officer={session.officer} />
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
