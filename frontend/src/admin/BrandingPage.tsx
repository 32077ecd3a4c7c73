import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { BrandingQuery, RemoveLogoMutation } from './operations';
import { ErrorState, FormErrors, Loading, PageHeader, Spinner } from '../ui/components';
import { IconTrash, IconUpload } from '../ui/icons';
import { describeError } from '../lib/errors';
import { postFile, UploadError } from '../lib/upload';
import { useTitle } from '../lib/useTitle';

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif';

/** The organization's name and logo as its customers see them at the top of their hub. */
export function BrandingPage() {
  useTitle('Branding');
  const [res, refetch] = useQuery({ query: BrandingQuery, requestPolicy: 'cache-and-network' });
  const [removing, remove] = useMutation(RemoveLogoMutation);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const input = useRef<HTMLInputElement>(null);

  async function upload(file: File) {
    setError(''); setNotice(''); setProgress(0);
    try {
      await postFile<{ logoUrl: string }>('/branding/logo', file, setProgress, (b) => typeof b.logoUrl === 'string').promise;
      setNotice('Logo uploaded. Your customers see it at the top of their hub.');
      refetch({ requestPolicy: 'network-only' });
    } catch (e) {
      setError(e instanceof UploadError ? e.message : 'Upload failed.');
    } finally {
      setProgress(null);
    }
  }

  async function removeLogo() {
    setError(''); setNotice('');
    const r = await remove({});
    if (r.error) return setError(describeError(r.error));
    const p = r.data!.removeOrganizationLogo;
    if (p.errors.length) return setError(p.errors.map((e) => e.message).join(' '));
    setNotice('Logo removed. Hubs show your organization\'s initial instead.');
    refetch({ requestPolicy: 'network-only' });
  }

  const branding = res.data?.branding;
  return (
    <>
      <PageHeader title="Branding" description="Your organization's name and logo head every customer's hub." />
      {res.error && !res.data ? <ErrorState message={describeError(res.error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : !branding ? <Loading /> : (
        <section className="card" aria-label="Logo">
          <div className="card-header"><h2>Logo</h2></div>
          <div className="card-body stack">
            <FormErrors messages={error ? [error] : []} />
            {notice && <div className="alert alert-success" role="status">{notice}</div>}
            <div className="hub-brand-preview" aria-label="How the hub shows it">
              {branding.logoUrl
                ? <img className="brand-logo" src={branding.logoUrl} alt={`${branding.name} logo`} data-testid="branding-logo" />
                : <span className="brand-mark" aria-hidden="true">{branding.name.slice(0, 1).toUpperCase()}</span>}
              <strong>{branding.name}</strong>
            </div>
            <p className="small muted" style={{ margin: 0 }}>A PNG, JPEG, WebP or GIF image of at most 1 MB; a wide logo about 80 pixels high looks best.</p>
            <div className="row">
              <button type="button" className="btn btn-primary" onClick={() => input.current?.click()} disabled={progress !== null}>
                <IconUpload /> {branding.logoUrl ? 'Replace logo' : 'Upload logo'}
              </button>
              {branding.logoUrl && (
                <button type="button" className="btn" onClick={removeLogo} disabled={removing.fetching || progress !== null}><IconTrash /> Remove logo</button>
              )}
              {progress !== null && <span className="row small muted"><Spinner label="Uploading" /> {Math.round(progress * 100)}%</span>}
            </div>
            <input ref={input} type="file" accept={ACCEPT} hidden aria-label="Logo file" data-testid="logo-input"
              onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void upload(f); }} />
          </div>
        </section>
      )}
    </>
  );
}
