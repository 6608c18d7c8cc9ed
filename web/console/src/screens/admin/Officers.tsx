// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function Officers() {
  return (
    <Page title="Officers">
      <p>—</p>
    </Page>
  );
}
