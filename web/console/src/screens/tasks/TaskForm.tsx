// Placeholder: this screen is being built.
import { Page } from '../../components/Page.tsx';

export default function TaskForm() {
  return (
    <Page title="TaskForm">
      <p>—</p>
    </Page>
  );
}
