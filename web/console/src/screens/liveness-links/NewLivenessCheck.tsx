// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function NewLivenessCheck() {
  return (
    <Page title="NewLivenessCheck">
      <p>—</p>
    </Page>
  );
}
