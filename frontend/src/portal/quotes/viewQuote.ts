import type { HubQuoteFieldsFragment } from '../../gql/graphql';
import type { ViewQuote } from './QuoteView';

/** The server's quote (as a contact or a visitor gets it) in the shape the quote view shows; null without a
 *  current version (nothing to show yet). */
export function toViewQuote(q: HubQuoteFieldsFragment, acceptance?: { fullName: string; acceptedAt: string; certificateUrl?: string | null } | null): ViewQuote | null {
  const v = q.currentVersion;
  if (!v) return null;
  return {
    title: q.title,
    number: q.number,
    status: q.status,
    expiresOn: q.expiresOn,
    declinedAt: q.declinedAt,
    versionNumber: v.number,
    amount: q.amount,
    currency: q.currency,
    message: q.message,
    senderName: q.sender?.fullName ?? null,
    acceptance: acceptance ?? null,
    version: { id: v.id, number: v.number, filename: v.filename, contentType: v.contentType, sizeBytes: v.sizeBytes, viewUrl: v.viewUrl, downloadUrl: v.downloadUrl },
    attachments: v.attachments,
  };
}
