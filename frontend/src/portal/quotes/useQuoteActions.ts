import { useClient } from 'urql';
import { AcceptQuoteMutation, DeclineQuoteMutation, RequestQuoteAcceptanceCodeMutation } from './operations';
import type { DecisionActions } from './QuoteDecision';
import { describeError } from '../../lib/errors';

const net = (e: Parameters<typeof describeError>[0]) => ({ errors: [{ code: 'NETWORK', field: null, message: describeError(e) }] });

/** The answer panel's actions on the server, then `after()` (refetch the quote). */
export function useQuoteActions(quoteId: string, after: () => void): DecisionActions {
  const client = useClient();
  return {
    requestCode: async ({ email, fullName }) => {
      const r = await client.mutation(RequestQuoteAcceptanceCodeMutation, { input: { quoteId, email: email ?? null, fullName: fullName ?? null } }).toPromise();
      if (r.error) return net(r.error);
      return { errors: r.data!.requestQuoteAcceptanceCode.errors, sentTo: r.data!.requestQuoteAcceptanceCode.sentTo };
    },
    accept: async ({ code, fullName, email }) => {
      const r = await client.mutation(AcceptQuoteMutation, { input: { quoteId, code, fullName, email: email ?? null } }).toPromise();
      if (r.error) return net(r.error);
      if (!r.data!.acceptQuote.errors.length) after();
      return { errors: r.data!.acceptQuote.errors };
    },
    decline: async (reason) => {
      const r = await client.mutation(DeclineQuoteMutation, { input: { quoteId, reason } }).toPromise();
      if (r.error) return net(r.error);
      if (!r.data!.declineQuote.errors.length) after();
      return { errors: r.data!.declineQuote.errors };
    },
  };
}
