// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function EscalationQueue() {
  return (
    <Page title="EscalationQueue">
      <p>—</p>
    </Page>
  );
}
