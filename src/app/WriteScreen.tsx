import { ComposeScreen } from '../compose/ComposeScreen';
import type { Draft } from '../storage/records';
import { PublishPanel } from '../publish/PublishPanel';

const publishPanel = (draft: Draft) => <PublishPanel draft={draft} />;

/** The Write screen: compose's editor with publishing to the writer's blog beside it. */
export function WriteScreen() {
  return <ComposeScreen publish={publishPanel} />;
}
