import { useEffect, useRef, useState } from 'react';
import { Spinner } from '../ui/components';

interface Props {
  url: string;
  title: string;
  /** Receives the fetched bytes, e.g. to print without fetching (and counting) again. */
  onBytes?: (bytes: Uint8Array) => void;
}

/** Renders every page of a PDF to canvases with pdf.js, in the page. */
export function PdfView({ url, title, onBytes }: Props) {
  const stage = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; pages: number; error?: string }>({ status: 'loading', pages: 0 });
  const onBytesRef = useRef(onBytes);
  onBytesRef.current = onBytes;

  useEffect(() => {
    let cancelled = false;
    const host = stage.current!;
    (async () => {
      try {
        const res = await fetch(url, { credentials: 'same-origin' });
        if (!res.ok) throw new Error(res.status === 404 || res.status === 410 ? 'This link has expired. Reload the page to get a fresh one.' : `Could not load the document (${res.status}).`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (cancelled) return;
        onBytesRef.current?.(bytes.slice());
        const { loadPdf, renderPage } = await import('./pdf');
        const pdf = await loadPdf(bytes);
        if (cancelled) return;
        host.replaceChildren();
        const width = Math.min(host.clientWidth ? host.clientWidth - 16 : 800, 900);
        for (let i = 1; i <= pdf.numPages; i++) {
          if (cancelled) return;
          const canvas = document.createElement('canvas');
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `${title}, page ${i} of ${pdf.numPages}`);
          canvas.dataset.page = String(i);
          host.appendChild(canvas);
          await renderPage(pdf, i, canvas, Math.max(width, 280));
          if (i === 1) setState({ status: 'ready', pages: pdf.numPages });
        }
        if (!cancelled) setState({ status: 'ready', pages: pdf.numPages });
      } catch (e) {
        if (!cancelled) setState({ status: 'error', pages: 0, error: e instanceof Error ? e.message : 'Could not display this PDF.' });
      }
    })();
    return () => { cancelled = true; };
  }, [url, title]);

  return (
    <>
      {state.status === 'loading' && <div className="loading" role="status"><Spinner /> Opening document…</div>}
      {state.status === 'error' && <div className="alert alert-error" role="alert">{state.error} You can still download it.</div>}
      <div ref={stage} className="viewer-stage" data-testid="pdf-pages" data-pages={state.pages} hidden={state.status !== 'ready'} />
    </>
  );
}
