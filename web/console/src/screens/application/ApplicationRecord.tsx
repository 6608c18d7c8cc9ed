// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function ApplicationRecord() {
  return (
    <Page title="ApplicationRecord">
      <p>—</p>
    </Page>
  );
}
