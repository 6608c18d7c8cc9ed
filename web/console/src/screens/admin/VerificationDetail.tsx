// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function VerificationDetail() {
  return (
    <Page title="VerificationDetail">
      <p>—</p>
    </Page>
  );
}
