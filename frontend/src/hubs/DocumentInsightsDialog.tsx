import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { OpenDocumentMutation, StaffDocumentInsightsQuery } from './operations';
import { InsightsPanel } from './InsightsPanel';
import { Dialog, FormErrors, Loading } from '../ui/components';
import { describeError } from '../lib/errors';

/** One document opened from the staff hub: its figures with the 30-day chart, and a signed link minted now
 * (`openDocument`), so the page's lists carry neither. */
export function DocumentInsightsDialog({ doc, refresh, onClose }: { doc: { id: string; name: string }; refresh: number; onClose: () => void }) {
  const [res, reexecute] = useQuery({ query: StaffDocumentInsightsQuery, variables: { id: doc.id }, requestPolicy: 'cache-and-network' });
  const [, open] = useMutation(OpenDocumentMutation);
  const [url, setUrl] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    open({ input: { documentId: doc.id } }).then((r) => {
      if (!live) return;
      if (r.error) return setErrors([describeError(r.error)]);
      const payload = r.data?.openDocument;
      if (payload?.errors.length) return setErrors(payload.errors.map((e) => e.message));
      setUrl(payload?.viewUrl ?? null);
    });
    return () => { live = false; };
  }, [doc.id, open]);
  // The chart follows the live feed like the page's counts (not on the first render: that fetch is under way).
  const seen = useRef(refresh);
  useEffect(() => {
    if (seen.current === refresh) return;
    seen.current = refresh;
    reexecute({ requestPolicy: 'network-only' });
  }, [refresh, reexecute]);

  const node = res.data?.node;
  const footer = url
    ? <a className="btn" href={url} target="_blank" rel="noreferrer">Open document</a>
    : <button type="button" className="btn" disabled>Open document</button>;
  return (
    <Dialog title={doc.name} onClose={onClose} footer={footer}>
      <FormErrors messages={errors} />
      {res.error && !res.data ? <FormErrors messages={[describeError(res.error)]} />
        : node && 'insights' in node ? <InsightsPanel insights={node.insights} /> : <Loading />}
    </Dialog>
  );
}
