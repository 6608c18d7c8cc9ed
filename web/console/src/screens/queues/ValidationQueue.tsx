// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function ValidationQueue() {
  return (
    <Page title="ValidationQueue">
      <p>—</p>
    </Page>
  );
}
