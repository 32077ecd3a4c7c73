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

export const HubQuoteFields = graphql(`
  fragment HubQuoteFields on Quote {
    id number title status amount currency message expiresOn declinedAt versionNumber
    sender { id fullName }
    currentVersion {
      id number filename contentType sizeBytes viewUrl downloadUrl
      attachments { id filename contentType sizeBytes viewUrl downloadUrl }
    }
  }
`);

export const MyQuotesQuery = graphql(`
  query MyQuotes {
    myHub { id modules }
    myQuotes { id number title status amount currency expiresOn }
  }
`);

export const HubQuoteQuery = graphql(`
  query HubQuote($id: ID!) {
    quote(id: $id) { ...HubQuoteFields }
    quoteAcceptance(quoteId: $id) { id fullName acceptedAt certificateUrl }
  }
`);

/** Before the password: what the link's token alone tells (the quote's language, nothing else). */
export const QuoteLinkIntroQuery = graphql(`
  query QuoteLinkIntro($token: String!) {
    quoteLinkIntro(token: $token) { language }
  }
`);

/** With the visit cookie: the visit's quote, its language and the sending organization's branding. */
export const QuoteVisitQuery = graphql(`
  query QuoteVisit {
    quoteVisit { quoteId language organization { name logoUrl } }
  }
`);
