// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function Calculator() {
  return (
    <Page title="Calculator">
      <p>—</p>
    </Page>
  );
}
