import { graphql } from '../gql';

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
        documents(first: 200) {
          edges { node {
            id name contentType sizeBytes createdAt viewUrl downloadUrl
            insights { views downloads prints sharedWithColleagues uniqueViewers lastActivityAt viewsPerDay { date count } }
          } }
        }
      }
    }
  }
`);
