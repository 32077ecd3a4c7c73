import { graphql } from '../gql';

export const CustomersQuery = graphql(`
  query Customers($first: Int, $search: String, $kind: CustomerKind, $hubAccess: Boolean, $accountManagerId: ID) {
    customers(first: $first, search: $search, kind: $kind, hubAccess: $hubAccess, accountManagerId: $accountManagerId) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id name kind hubAccess createdAt
          primaryContact { id fullName email }
          contacts { id }
          accountManagers { id fullName }
          hub { id insights { lastActivityAt views } }
        }
      }
    }
  }
`);

export const ContactRowFragment = graphql(`
  fragment ContactRow on Contact {
    id firstName lastName fullName email hubAccess isPrimary hasPassword createdAt
    invitationStatus invitedAt lastSignedInAt welcomeUnavailableReason
  }
`);

export const ContactRulesQuery = graphql(`
  query ContactRules {
    organization { id allowContactsWithoutEmail }
  }
`);

export const CustomerQuery = graphql(`
  query Customer($id: ID!) {
    customer(id: $id) {
      id name kind hubAccess modules createdAt
      contacts { ...ContactRow }
      primaryContact { id }
      accountManagers { id fullName email }
      hub {
        id
        insights { hubOpens views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }
      }
    }
  }
`);

export const AssignableMembersQuery = graphql(`
  query AssignableMembers {
    members(first: 200) { edges { node { id fullName email isAccountManager isActive role } } }
  }
`);

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      customer { id name kind hubAccess }
      errors { code field message }
    }
  }
`);

export const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      customer { id name hubAccess modules }
      errors { code field message }
    }
  }
`);

export const AddContactMutation = graphql(`
  mutation AddContact($input: AddContactInput!) {
    addContact(input: $input) {
      contact { ...ContactRow }
      errors { code field message }
    }
  }
`);

export const UpdateContactMutation = graphql(`
  mutation UpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      contact { ...ContactRow }
      errors { code field message }
    }
  }
`);

export const DeleteContactMutation = graphql(`
  mutation DeleteContact($input: DeleteContactInput!) {
    deleteContact(input: $input) {
      contact { id }
      errors { code field message }
    }
  }
`);

export const SendWelcomeEmailMutation = graphql(`
  mutation SendWelcomeEmail($input: SendWelcomeEmailInput!) {
    sendWelcomeEmail(input: $input) {
      contact { ...ContactRow }
      errors { code field message }
    }
  }
`);

export const AssignAccountManagersMutation = graphql(`
  mutation AssignAccountManagers($input: AccountManagersInput!) {
    assignAccountManagers(input: $input) {
      customers { id accountManagers { id fullName email } }
      removedAssignments
      errors { code field message }
    }
  }
`);

export const UnassignAccountManagersMutation = graphql(`
  mutation UnassignAccountManagers($input: AccountManagersInput!) {
    unassignAccountManagers(input: $input) {
      customers { id accountManagers { id fullName email } }
      errors { code field message }
    }
  }
`);

export const CustomerImportResultFragment = graphql(`
  fragment CustomerImportResultFields on CustomerImportResult {
    dryRun applied columns rowCount rowErrorCount
    mapping { column field }
    customersCreated customersUpdated customersUnchanged contactsCreated contactsUpdated contactsUnchanged
    rowErrors { row column field code message }
  }
`);

export const CheckCustomerImportMutation = graphql(`
  mutation CheckCustomerImport($input: CustomerImportInput!) {
    checkCustomerImport(input: $input) {
      result { ...CustomerImportResultFields }
      errors { code field message }
    }
  }
`);

export const ImportCustomersMutation = graphql(`
  mutation ImportCustomers($input: CustomerImportInput!) {
    importCustomers(input: $input) {
      result { ...CustomerImportResultFields }
      errors { code field message }
    }
  }
`);
