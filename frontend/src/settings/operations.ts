import { graphql } from '../gql';

export const SettingsQuery = graphql(`
  query Settings {
    me { member { id firstName lastName email language standardMessage role isAccountManager } }
    organization { id name languages }
  }
`);

export const UpdateMySettingsMutation = graphql(`
  mutation UpdateMySettings($input: UpdateMySettingsInput!) {
    updateMySettings(input: $input) {
      member { id firstName lastName fullName language standardMessage }
      errors { code field message }
    }
  }
`);
