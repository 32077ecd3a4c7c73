/**
 * Prints a document without leaving the page: loads it in a hidden iframe and calls print().
 * PDFs go through a same-origin blob URL so the iframe's window is scriptable.
 */
export function printUrl(url: string, contentType: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0;';
  const cleanup = () => setTimeout(() => frame.remove(), 60_000);
  if (contentType.startsWith('image/')) {
    frame.srcdoc = `<!doctype html><html><body style="margin:0"><img src="${url.replace(/"/g, '&quot;')}" style="max-width:100%" onload="window.focus();window.print()"></body></html>`;
    document.body.appendChild(frame);
    cleanup();
    return;
  }
  frame.src = url;
  frame.onload = () => {
    try {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
    } catch {
      window.open(url, '_blank', 'noopener');
    }
    cleanup();
  };
  document.body.appendChild(frame);
}
