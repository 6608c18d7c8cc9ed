// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function RuleSets() {
  return (
    <Page title="RuleSets">
      <p>—</p>
    </Page>
  );
}
