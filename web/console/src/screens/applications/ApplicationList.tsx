// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function ApplicationList() {
  return (
    <Page title="ApplicationList">
      <p>—</p>
    </Page>
  );
}
