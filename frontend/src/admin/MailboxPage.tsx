import { useState } from 'react';
import { useQuery } from 'urql';
import { DevMailboxQuery } from './operations';
import { Empty, ErrorState, Loading, PageHeader } from '../ui/components';
import { IconMail } from '../ui/icons';
import { describeError } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useTitle } from '../lib/useTitle';

/** Development only: the outbox of emails the app would send. Links inside open in a new tab. */
export function MailboxPage() {
  useTitle('Dev mailbox');
  const [res, refetch] = useQuery({ query: DevMailboxQuery, variables: { first: 100 }, requestPolicy: 'network-only' });
  const [openId, setOpenId] = useState<string | null>(null);
  const mails = res.data?.devMailbox ?? [];
  const open = mails.find((m) => m.id === openId) ?? mails[0];

  return (
    <>
      <PageHeader title="Dev mailbox" description="Emails in the outbox (development only)." actions={<button type="button" className="btn" onClick={() => refetch({ requestPolicy: 'network-only' })}>Refresh</button>} />
      {res.error && !res.data ? <ErrorState message={describeError(res.error)} /> : !res.data ? <Loading /> : mails.length === 0 ? (
        <div className="card"><Empty title="The outbox is empty" icon={<IconMail />}>Emails appear here when someone is invited or documents are sent.</Empty></div>
      ) : (
        <div className="grid-2" style={{ gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.6fr)' }}>
          <div className="card" role="list" aria-label="Emails" style={{ overflow: 'hidden' }}>
            {mails.map((m) => (
              <button key={m.id} type="button" role="listitem" className="mail-item" aria-current={open?.id === m.id} onClick={() => setOpenId(m.id)} data-testid="mail-item">
                <strong style={{ overflowWrap: 'anywhere' }}>{m.subject}</strong>
                <span className="small muted">To {m.to} · {formatDateTime(m.createdAt)} · {m.status.toLowerCase()}</span>
              </button>
            ))}
          </div>
          {open && (
            <section className="card" aria-label="Email">
              <div className="card-header"><div><h2 style={{ overflowWrap: 'anywhere' }}>{open.subject}</h2><div className="muted small">To {open.to}</div></div></div>
              <div className="card-body">
                <iframe title="Email body" className="preview-frame" sandbox="allow-popups allow-popups-to-escape-sandbox" srcDoc={`<base target="_blank">${open.html}`} style={{ height: 520 }} />
              </div>
            </section>
          )}
        </div>
      )}
    </>
  );
}
