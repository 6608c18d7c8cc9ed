// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function LivenessLinkRecord() {
  return (
    <Page title="LivenessLinkRecord">
      <p>—</p>
    </Page>
  );
}
