import { useRef } from 'react';
import { useClient } from 'urql';
import type { LinkRow } from './QuoteLinks';
import { CreateQuoteLinkMutation, CreateQuoteMutation, PublishQuoteMutation } from './operations';
import { SendQuoteDialog, type SubmitQuote } from './SendQuoteDialog';
import { endOfDayIso } from './quoteForm';
import { describeError } from '../lib/errors';
import { useSession } from '../app/session';

/** The Send quote dialog wired to the server: create the quote, make its public link, publish it. A link or
 *  publish that fails leaves a draft the rep finds on the quote page, and says so. */
/** The link made with the quote, handed to the quote's page (the server lists no links yet; its address is
 *  shown once anyway). */
export type MadeLink = LinkRow;

export function NewQuoteDialog({ onClose, onSent, customerId }: { onClose: () => void; onSent: (quoteId: string | null, link: MadeLink | null) => void; customerId?: string }) {
  const client = useClient();
  const madeLink = useRef<MadeLink | null>(null);
  const { viewer } = useSession();
  const submit: SubmitQuote = async (input, { publish, link }) => {
    // A public link's quote is published after its link exists: the link then opens from the first moment.
    const c = await client.mutation(CreateQuoteMutation, { input: { ...input, publish: publish && !link } }).toPromise();
    if (c.error) return { errors: [{ code: 'NETWORK', field: null, message: describeError(c.error) }] };
    const made = c.data!.createQuote;
    if (made.errors.length || !made.quote) return { errors: made.errors };
    const quoteId = made.quote.id;
    let linkUrl: string | null = null;
    if (link) {
      const l = await client.mutation(CreateQuoteLinkMutation, { input: { quoteId, password: link.password, expiresAt: link.expiresOn ? endOfDayIso(link.expiresOn) : null } }).toPromise();
      const errs = l.error ? [{ code: 'NETWORK', field: null, message: describeError(l.error) }] : l.data!.createQuoteLink.errors;
      if (errs.length) return { errors: errs.map((e) => ({ ...e, message: `Saved as a draft, but the link failed: ${e.message}` })), quoteId };
      linkUrl = l.data!.createQuoteLink.url ?? null;
      const newLink = l.data!.createQuoteLink.link;
      madeLink.current = newLink ? { ...newLink, url: linkUrl } : null;
    }
    if (publish && link) {
      const p = await client.mutation(PublishQuoteMutation, { input: { quoteId } }).toPromise();
      const errs = p.error ? [{ code: 'NETWORK', field: null, message: describeError(p.error) }] : p.data!.publishQuote.errors;
      if (errs.length) return { errors: errs.map((e) => ({ ...e, field: null, message: `Saved as a draft, but not sent: ${e.message}` })), quoteId };
    }
    return { errors: [], quoteId, linkUrl };
  };
  return <SendQuoteDialog onClose={onClose} onSubmit={submit} onDone={(id) => onSent(id, madeLink.current)} initialCustomerId={customerId}
    defaults={{ language: viewer?.member?.language, message: viewer?.member?.standardMessage }} />;
}
