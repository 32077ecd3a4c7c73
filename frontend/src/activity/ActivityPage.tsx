import { ActivityFeed } from './ActivityFeed';
import { PageHeader } from '../ui/components';
import { useTitle } from '../lib/useTitle';
import { useSession } from '../app/session';

export function ActivityPage() {
  useTitle('Activity');
  const { viewer } = useSession();
  const all = viewer?.member?.role === 'ADMIN' || viewer?.member?.role === 'MANAGER';
  return (
    <>
      <PageHeader title="Activity" description={all ? 'Everything customers do in their hubs, across all reps, as it happens.' : 'What customers do with the documents you sent, as it happens.'} />
      <div className="card"><ActivityFeed /></div>
    </>
  );
}
