import { graphql } from '../gql';

export const SendDialogDataQuery = graphql(`
  query SendDialogData {
    me { member { id language standardMessage } }
    organization { id languages }
    invitationTemplates { id language subject }
  }
`);

export const CustomerPickerQuery = graphql(`
  query CustomerPicker($search: String) {
    customers(first: 20, search: $search) {
      edges { node { id name kind hubAccess } }
    }
  }
`);

export const ShareCustomerQuery = graphql(`
  query ShareCustomer($id: ID!) {
    customer(id: $id) {
      id name kind hubAccess
      contacts { id firstName lastName fullName email hubAccess isPrimary }
    }
  }
`);

export const PreviewShareQuery = graphql(`
  query PreviewShare($input: ShareInput!) {
    previewShare(input: $input) { subject html text }
  }
`);

export const ShareDocumentsMutation = graphql(`
  mutation ShareDocuments($input: ShareInput!) {
    shareDocuments(input: $input) {
      share { id createdAt documents { id name } recipients { id fullName email } }
      hub { id }
      errors { code field message }
    }
  }
`);
