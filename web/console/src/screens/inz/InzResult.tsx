// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function InzResult() {
  return (
    <Page title="InzResult">
      <p>—</p>
    </Page>
  );
}
