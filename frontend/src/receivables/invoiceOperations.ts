import { graphql } from '../gql';

// Account managers' portfolios (issue 11 point 1).
export const PortfolioQuery = graphql(`
  query Portfolio($memberId: ID) {
    portfolio(memberId: $memberId) {
      member { id fullName }
      rows {
        customer { id name }
        openInvoices
        open { currency amount }
        overdue { currency amount }
        lastContactActivityAt
      }
    }
  }
`);

export const InvoiceFieldsFragment = graphql(`
  fragment InvoiceFields on Invoice {
    id number amount currency issuedOn dueOn status paidAmount openAmount paused pausedReason opened firstOpenedAt hasPdf pdfUrl
    customer { id name }
  }
`);

export const InvoicesQuery = graphql(`
  query Invoices($first: Int, $after: String, $status: [InvoiceStatus!], $customerId: ID, $accountManagerId: ID, $overdue: Boolean, $opened: Boolean) {
    invoices(first: $first, after: $after, status: $status, customerId: $customerId, accountManagerId: $accountManagerId, overdue: $overdue, opened: $opened) {
      totalCount
      totals { currency amount paid open count }
      pageInfo { hasNextPage endCursor }
      edges { node { ...InvoiceFields } }
    }
  }
`);

export const InvoiceCustomersQuery = graphql(`
  query InvoiceCustomers($search: String) {
    customers(first: 200, search: $search) { totalCount edges { node { id name } } }
  }
`);

export const CreateInvoiceMutation = graphql(`
  mutation CreateInvoice($input: CreateInvoiceInput!) {
    createInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }
  }
`);

export const RecordPaymentMutation = graphql(`
  mutation RecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) { invoice { ...InvoiceFields } errors { code field message } }
  }
`);

export const PauseInvoiceMutation = graphql(`
  mutation PauseInvoice($input: PauseInvoiceInput!) {
    pauseInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }
  }
`);

export const VoidInvoiceMutation = graphql(`
  mutation VoidInvoice($input: InvoiceIdInput!) {
    voidInvoice(input: $input) { invoice { ...InvoiceFields } errors { code field message } }
  }
`);

export const DeleteInvoiceMutation = graphql(`
  mutation DeleteInvoice($input: InvoiceIdInput!) {
    deleteInvoice(input: $input) { deletedInvoiceId errors { code field message } }
  }
`);


export const AttachInvoicePdfMutation = graphql(`
  mutation AttachInvoicePdf($input: AttachInvoicePdfInput!) {
    attachInvoicePdf(input: $input) { invoice { id hasPdf pdfUrl } errors { code field message } }
  }
`);

export const InvoiceImportResultFragment = graphql(`
  fragment InvoiceImportResultFields on InvoiceImportResult {
    dryRun applied columns rowCount created updated unchanged rowErrorCount
    mapping { column field }
    rowErrors { row column code message }
  }
`);

export const CheckInvoiceImportMutation = graphql(`
  mutation CheckInvoiceImport($input: InvoiceImportInput!) {
    checkInvoiceImport(input: $input) { result { ...InvoiceImportResultFields } errors { code field message } }
  }
`);

export const ImportInvoicesMutation = graphql(`
  mutation ImportInvoices($input: InvoiceImportInput!) {
    importInvoices(input: $input) { result { ...InvoiceImportResultFields } errors { code field message } }
  }
`);
