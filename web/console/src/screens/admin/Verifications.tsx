// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function Verifications() {
  return (
    <Page title="Verifications">
      <p>—</p>
    </Page>
  );
}
