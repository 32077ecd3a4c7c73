import { useCallback } from 'react';
import { useMutation } from 'urql';
import { OpenDocumentMutation } from '../hubs/operations';
import { OpenPublicationMutation } from '../libraries/operations';
import { OpenDocumentVersionMutation } from '../folders/operations';
import { describeError } from './errors';

export interface DocumentLinks { viewUrl: string; downloadUrl: string }

interface Opened { viewUrl: string | null; downloadUrl: string | null; errors: { message: string }[] }

/** The links of an `open…` payload, or the error to show (its messages, or "not found" when it brought none). */
function linksOf(payload: Opened | undefined, notFound: string): DocumentLinks {
  if (!payload?.viewUrl || !payload.downloadUrl) {
    throw new Error(payload?.errors.map((e) => e.message).join(' ') || notFound);
  }
  return { viewUrl: payload.viewUrl, downloadUrl: payload.downloadUrl };
}

/** Mints a document's short-lived signed links when the user acts on it (`openDocument`): lists carry none. */
export function useOpenDocument(): (documentId: string) => Promise<DocumentLinks> {
  const [, open] = useMutation(OpenDocumentMutation);
  return useCallback(async (documentId: string) => {
    const r = await open({ input: { documentId } });
    if (r.error) throw new Error(describeError(r.error));
    return linksOf(r.data?.openDocument, 'Document not found.');
  }, [open]);
}

/** A publication's links, minted when staff preview it (`openPublication`): the library's cards carry none. */
export function useOpenPublication(): (publicationId: string) => Promise<DocumentLinks> {
  const [, open] = useMutation(OpenPublicationMutation);
  return useCallback(async (publicationId: string) => {
    const r = await open({ input: { publicationId } });
    if (r.error) throw new Error(describeError(r.error));
    return linksOf(r.data?.openPublication, 'Publication not found.');
  }, [open]);
}

/** An earlier version's links, minted when staff download it (`openDocumentVersion`): folder pages carry none. */
export function useOpenDocumentVersion(): (versionId: string) => Promise<DocumentLinks> {
  const [, open] = useMutation(OpenDocumentVersionMutation);
  return useCallback(async (versionId: string) => {
    const r = await open({ input: { versionId } });
    if (r.error) throw new Error(describeError(r.error));
    return linksOf(r.data?.openDocumentVersion, 'Document version not found.');
  }, [open]);
}

/** Fetches a minted download link in this tab: it is sent as an attachment, so the page stays where it is. */
export function startDownload(url: string): void {
  window.location.assign(url);
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
