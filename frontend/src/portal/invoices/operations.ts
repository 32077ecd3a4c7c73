import { graphql } from '../../gql';

// A contact's invoices: the same `invoices` connection staff use; the policy gives a contact their own customer's
// (INVOICES module on, void ones left out).
export const MyInvoicesQuery = graphql(`
  query MyInvoices {
    invoices(first: 200) {
      edges { node { id number amount openAmount currency issuedOn dueOn status hasPdf pdfUrl } }
    }
  }
`);
