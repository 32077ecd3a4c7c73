import { graphql } from '../gql';

/** The customer a quote goes to: its contacts (for "one contact"), and whether its hub shows quotes at all. */
export const QuoteCustomerQuery = graphql(`
  query QuoteCustomer($id: ID!) {
    customer(id: $id) {
      id name kind hubAccess modules
      contacts { id fullName email hubAccess isPrimary }
    }
  }
`);

export const QuoteCustomerPickerQuery = graphql(`
  query QuoteCustomerPicker($search: String) {
    customers(first: 20, search: $search) {
      edges { node { id name kind hubAccess } }
    }
  }
`);

/** The filter bar's choices: customers and members (senders). */
export const QuoteFilterChoicesQuery = graphql(`
  query QuoteFilterChoices {
    customers(first: 200) { edges { node { id name } } }
    members(first: 200) { edges { node { id fullName isActive } } }
  }
`);

export const CreateQuoteLinkMutation = graphql(`
  mutation CreateQuoteLink($input: CreateQuoteLinkInput!) {
    createQuoteLink(input: $input) { url link { id createdAt expiresAt revokedAt lastOpenedAt } errors { code field message } }
  }
`);

export const RevokeQuoteLinkMutation = graphql(`
  mutation RevokeQuoteLink($input: RevokeQuoteLinkInput!) {
    revokeQuoteLink(input: $input) { link { id revokedAt } errors { code field message } }
  }
`);

export const QuoteListFields = graphql(`
  fragment QuoteListFields on Quote {
    id number title status amount currency expiresOn sentAt openedAt createdAt
    customer { id name }
    sender { id fullName }
  }
`);

export const QuotesQuery = graphql(`
  query Quotes($first: Int, $status: [QuoteStatus!], $customerId: ID, $senderId: ID, $notOpenedForDays: Int) {
    quotes(first: $first, status: $status, customerId: $customerId, senderId: $senderId, notOpenedForDays: $notOpenedForDays) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...QuoteListFields } }
    }
  }
`);

export const QuoteEventFields = graphql(`
  fragment QuoteEventFields on ActivityEvent { id kind occurredAt actorName detail quote { id } }
`);

export const QuoteQuery = graphql(`
  query Quote($id: ID!) {
    quote(id: $id) {
      id number title status visibility amount currency message language expiresOn removeAfterDays notifyOnPublish
      remindUnopenedDays remindUnacceptedDays remindBeforeExpiryDays declineReason
      sentAt openedAt downloadedAt acceptedAt declinedAt expiredAt archivedAt createdAt
      customer { id name }
      contact { id fullName email }
      recipients { id fullName }
      sender { id fullName }
      currentVersion {
        id number filename downloadUrl
        attachments { id filename contentType sizeBytes downloadUrl }
      }
      versions { id number filename sizeBytes sha256 createdAt frozen downloadUrl createdBy { fullName } }
      events { ...QuoteEventFields }
      links { id createdAt expiresAt revokedAt lastOpenedAt }
    }
    quoteAcceptance(quoteId: $id) { id fullName email acceptedAt versionNumber versionSha256 ip userAgent codeSentTo certificateId certificateUrl }
  }
`);

export const QuoteEventsSubscription = graphql(`
  subscription OnQuoteEvents($quoteId: ID) {
    activity(quoteId: $quoteId) { resync event { ...QuoteEventFields } }
  }
`);

export const CreateQuoteMutation = graphql(`
  mutation CreateQuote($input: CreateQuoteInput!) {
    createQuote(input: $input) { quote { id status } errors { code field message } }
  }
`);

export const PublishQuoteMutation = graphql(`
  mutation PublishQuote($input: QuoteIdInput!) {
    publishQuote(input: $input) { quote { id status sentAt } errors { code field message } }
  }
`);

export const AddQuoteVersionMutation = graphql(`
  mutation AddQuoteVersion($input: AddQuoteVersionInput!) {
    addQuoteVersion(input: $input) { quote { id } errors { code field message } }
  }
`);

export const ArchiveQuoteMutation = graphql(`
  mutation ArchiveQuote($input: QuoteIdInput!) {
    archiveQuote(input: $input) { quote { id status } errors { code field message } }
  }
`);

export const NextQuoteNumberQuery = graphql(`
  query NextQuoteNumber {
    nextQuoteNumber
  }
`);
