// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function LivenessEvidence() {
  return (
    <Page title="LivenessEvidence">
      <p>—</p>
    </Page>
  );
}
