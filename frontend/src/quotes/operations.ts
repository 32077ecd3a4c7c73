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
    createQuoteLink(input: $input) { url link { id } errors { code field message } }
  }
`);

export const RevokeQuoteLinkMutation = graphql(`
  mutation RevokeQuoteLink($input: RevokeQuoteLinkInput!) {
    revokeQuoteLink(input: $input) { link { id revokedAt } errors { code field message } }
  }
`);
