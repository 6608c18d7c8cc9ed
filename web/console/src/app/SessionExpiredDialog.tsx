import { Dialog, Heading, Modal } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSession } from './session.tsx';
import { SignInForm } from './SignInForm.tsx';

/** Over the current screen (which stays mounted, typed work and all) when the server says the session ended. */
export function SessionExpiredDialog() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Modal isOpen={session.expired} className="modal" isDismissable={false}>
      <Dialog className="dialog" aria-labelledby="session-expired-title">
        <Heading slot="title" id="session-expired-title">
          {t('session.expiredTitle')}
        </Heading>
        <p>{t('session.expiredBody')}</p>
        <SignInForm {...(session.officer ? { email: session.officer.email } : {})} />
      </Dialog>
    </Modal>
  );
}
