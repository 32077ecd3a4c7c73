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

export const CreateLibraryMutation = graphql(`
  mutation CreateLibrary($input: CreateLibraryInput!) {
    createLibrary(input: $input) {
      library { id name description publicationCount }
      errors { code field message }
    }
  }
`);

export const AddPublicationMutation = graphql(`
  mutation AddPublication($input: AddPublicationInput!) {
    addPublication(input: $input) {
      publication { id title tags contentType sizeBytes createdAt library { id name } }
      errors { code field message }
    }
  }
`);

// A publication's signed links are minted when it is previewed, not listed with every card of the library.
export const OpenPublicationMutation = graphql(`
  mutation OpenPublication($input: OpenPublicationInput!) {
    openPublication(input: $input) {
      viewUrl downloadUrl expiresAt
      errors { code field message }
    }
  }
`);
