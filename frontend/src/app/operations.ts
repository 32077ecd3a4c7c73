import { graphql } from '../gql';

export const MeQuery = graphql(`
  query Me {
    me {
      kind
      member { id email firstName lastName fullName role isAccountManager isActive language standardMessage }
      contact { id firstName lastName fullName email hasPassword customer { id name } }
      organization { id name languages }
    }
  }
`);

export const LogOutMutation = graphql(`
  mutation LogOut {
    logOut { ok errors { code field message } }
  }
`);

export const DevMailboxAvailableQuery = graphql(`
  query DevMailboxAvailable {
    devMailboxAvailable
  }
`);
