// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function MyWork() {
  return (
    <Page title="MyWork">
      <p>—</p>
    </Page>
  );
}
