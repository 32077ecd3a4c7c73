import { graphql } from '../../gql';

export const RequestQuoteAcceptanceCodeMutation = graphql(`
  mutation RequestQuoteAcceptanceCode($input: RequestQuoteAcceptanceCodeInput!) {
    requestQuoteAcceptanceCode(input: $input) { sentTo errors { code field message } }
  }
`);

export const AcceptQuoteMutation = graphql(`
  mutation AcceptQuote($input: AcceptQuoteInput!) {
    acceptQuote(input: $input) { acceptance { id } errors { code field message } }
  }
`);

export const DeclineQuoteMutation = graphql(`
  mutation DeclineQuote($input: DeclineQuoteInput!) {
    declineQuote(input: $input) { quoteId errors { code field message } }
  }
`);

export const OpenQuoteLinkMutation = graphql(`
  mutation OpenQuoteLink($input: OpenQuoteLinkInput!) {
    openQuoteLink(input: $input) { quoteId errors { code field message } }
  }
`);
