import { graphql } from '../gql';

export const FolderFieldsFragment = graphql(`
  fragment FolderFields on Folder {
    id name kind date parentId clientAccess allContacts documentCount canUpload canManagePermissions
    sender { id fullName }
    contacts { id fullName }
  }
`);

export const CustomerFoldersQuery = graphql(`
  query CustomerFolders($id: ID!) {
    customer(id: $id) {
      id name primaryContactManagesPermissions
      hub { id permissionContacts { id fullName } folders { ...FolderFields } }
    }
  }
`);

export const MyFoldersQuery = graphql(`
  query MyFolders {
    myHub { id permissionContacts { id fullName } folders { ...FolderFields } }
  }
`);

export const FolderDocumentsQuery = graphql(`
  query FolderDocuments($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      ... on Folder {
        id documentCount
        documents(first: $first, after: $after) {
          edges {
            cursor
            node {
              id name contentType sizeBytes createdAt version uploadedByCustomer
              versions { id number name sizeBytes createdAt replacedAt }
            }
          }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`);

export const CreateFolderMutation = graphql(`
  mutation CreateFolder($input: CreateFolderInput!) {
    createFolder(input: $input) { folder { ...FolderFields } hub { id } errors { code field message } }
  }
`);

export const RenameFolderMutation = graphql(`
  mutation RenameFolder($input: RenameFolderInput!) {
    renameFolder(input: $input) { folder { id name } errors { code field message } }
  }
`);

export const MoveFolderMutation = graphql(`
  mutation MoveFolder($input: MoveFolderInput!) {
    moveFolder(input: $input) { folder { id parentId } errors { code field message } }
  }
`);

export const DeleteFolderMutation = graphql(`
  mutation DeleteFolder($input: FolderIdInput!) {
    deleteFolder(input: $input) { ok errors { code field message } }
  }
`);

export const SetFolderPermissionsMutation = graphql(`
  mutation SetFolderPermissions($input: SetFolderPermissionsInput!) {
    setFolderPermissions(input: $input) { folder { ...FolderFields } errors { code field message } }
  }
`);

export const SetPrimaryContactManagesPermissionsMutation = graphql(`
  mutation SetPrimaryContactManagesPermissions($input: SetPrimaryContactManagesPermissionsInput!) {
    setPrimaryContactManagesPermissions(input: $input) { ok errors { code field message } }
  }
`);

export const UploadDocumentsMutation = graphql(`
  mutation UploadDocuments($input: UploadDocumentsInput!) {
    uploadDocuments(input: $input) { documents { id name } errors { code field message } }
  }
`);

export const ReplaceDocumentMutation = graphql(`
  mutation ReplaceDocument($input: ReplaceDocumentInput!) {
    replaceDocument(input: $input) { document { id version } errors { code field message } }
  }
`);

// An earlier version's signed link is minted when it is downloaded, not listed with every version of the page.
export const OpenDocumentVersionMutation = graphql(`
  mutation OpenDocumentVersion($input: OpenDocumentVersionInput!) {
    openDocumentVersion(input: $input) {
      viewUrl downloadUrl expiresAt
      errors { code field message }
    }
  }
`);
