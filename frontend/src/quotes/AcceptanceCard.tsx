import { IconCheck, IconDownload } from '../ui/icons';
import { formatDateTime } from '../lib/format';

export interface AcceptanceRow {
  fullName: string;
  email: string;
  acceptedAt: string;
  ip?: string | null;
  userAgent?: string | null;
  versionNumber: number;
  versionSha256: string;
  codeSentTo?: string | null;
  certificateId?: string | null;
  certificateUrl?: string | null;
}

/** What the acceptance recorded (the certificate states the same), and the certificate itself. */
export function AcceptanceCard({ a }: { a: AcceptanceRow }) {
  return (
    <section className="card" aria-labelledby="acceptance-h" data-testid="acceptance-record">
      <div className="card-header row between">
        <h2 id="acceptance-h" className="row" style={{ gap: 8 }}><span className="feed-icon accepted"><IconCheck /></span> Accepted</h2>
        {a.certificateUrl && <a className="btn btn-sm" href={a.certificateUrl} download data-testid="staff-certificate"><IconDownload /> Certificate (PDF)</a>}
      </div>
      <div className="card-body">
        <dl className="acceptance-record">
          <dt>By</dt><dd>{a.fullName} &lt;{a.email}&gt;</dd>
          <dt>When</dt><dd>{formatDateTime(a.acceptedAt)}</dd>
          <dt>Version</dt><dd>{a.versionNumber}</dd>
          <dt>SHA-256</dt><dd className="mono-hash">{a.versionSha256}</dd>
          <dt>Confirmed by</dt><dd>6-digit code emailed to {a.codeSentTo || a.email}</dd>
          {a.ip && <><dt>Address</dt><dd>{a.ip}</dd></>}
          {a.userAgent && <><dt>Browser</dt><dd className="small">{a.userAgent}</dd></>}
          {a.certificateId && <><dt>Certificate</dt><dd className="mono-hash">{a.certificateId}</dd></>}
        </dl>
      </div>
    </section>
  );
}
