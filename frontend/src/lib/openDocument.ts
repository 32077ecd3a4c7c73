import { useCallback } from 'react';
import { useMutation } from 'urql';
import { OpenDocumentMutation } from '../hubs/operations';
import { describeError } from './errors';

export interface DocumentLinks { viewUrl: string; downloadUrl: string }

/** Mints a document's short-lived signed links when the user acts on it (`openDocument`): lists carry none. */
export function useOpenDocument(): (documentId: string) => Promise<DocumentLinks> {
  const [, open] = useMutation(OpenDocumentMutation);
  return useCallback(async (documentId: string) => {
    const r = await open({ input: { documentId } });
    if (r.error) throw new Error(describeError(r.error));
    const payload = r.data?.openDocument;
    if (!payload?.viewUrl || !payload.downloadUrl) {
      throw new Error(payload?.errors.map((e) => e.message).join(' ') || 'Document not found.');
    }
    return { viewUrl: payload.viewUrl, downloadUrl: payload.downloadUrl };
  }, [open]);
}

/** Opens a new tab now (inside the click, so no popup blocker stops it) and points it at the link once minted. */
export async function openInNewTab(link: () => Promise<string>): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = await link();
    if (tab) {
      tab.opener = null;
      tab.location.href = url;
    } else {
      window.location.assign(url);
    }
  } catch (e) {
    tab?.close();
    throw e;
  }
}
