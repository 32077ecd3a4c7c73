import { graphql } from '../gql';

export const LibrariesQuery = graphql(`
  query Libraries {
    libraries { id name description publicationCount }
  }
`);

export const PublicationsQuery = graphql(`
  query Publications($first: Int, $search: String, $libraryIds: [ID!]) {
    publications(first: $first, search: $search, libraryIds: $libraryIds) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title tags contentType sizeBytes createdAt library { id name } } }
    }
  }
`);
