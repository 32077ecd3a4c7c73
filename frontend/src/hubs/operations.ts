import { graphql } from '../gql';

// The staff hub page: folders with their counts and the hub's figures first; a folder's documents when it is
// expanded (a keyset page at a time), a document's chart and signed links when it is opened (issue 8).
export const StaffHubQuery = graphql(`
  query StaffHub($id: ID!) {
    hub(id: $id) {
      id createdAt
      customer { id name }
      insights { hubOpens views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }
      folders {
        id name date createdAt
        sender { id fullName }
        documentCount
      }
    }
  }
`);

export const StaffHubFolderDocumentsQuery = graphql(`
  query StaffHubFolderDocuments($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      id
      ... on Folder {
        documents(first: $first, after: $after) {
          edges { node { id name contentType sizeBytes createdAt insights { views downloads prints sharedWithColleagues } } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`);

export const StaffDocumentInsightsQuery = graphql(`
  query StaffDocumentInsights($id: ID!) {
    node(id: $id) {
      id
      ... on Document {
        insights { views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }
      }
    }
  }
`);

// Signed links are minted when a document is opened (staff dialog, the contact's viewer, a download button).
export const OpenDocumentMutation = graphql(`
  mutation OpenDocument($input: OpenDocumentInput!) {
    openDocument(input: $input) {
      document { id name contentType sizeBytes }
      viewUrl downloadUrl expiresAt
      errors { code field message }
    }
  }
`);
