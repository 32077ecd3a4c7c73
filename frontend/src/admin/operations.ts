import { graphql } from '../gql';

export const MembersQuery = graphql(`
  query Members {
    members(first: 200) {
      edges { node { id email firstName lastName fullName role isAccountManager isActive createdAt } }
    }
    invitations { id email role isAccountManager expiresAt acceptedAt }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitation { id email role isAccountManager expiresAt acceptedAt }
      errors { code field message }
    }
  }
`);

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      member { id role isAccountManager }
      errors { code field message }
    }
  }
`);

export const DeactivateMemberMutation = graphql(`
  mutation DeactivateMember($input: DeactivateMemberInput!) {
    deactivateMember(input: $input) {
      member { id isActive }
      errors { code field message }
    }
  }
`);

export const TemplatesQuery = graphql(`
  query InvitationTemplates {
    invitationTemplates { id language subject body builtIn missingFixedTexts fixedTexts { key text } }
    invitationTemplateSpec {
      placeholders { name token description }
      fixedTexts { key label description placeholders }
      builtInLanguages
    }
  }
`);

export const PreviewTemplateQuery = graphql(`
  query PreviewInvitationTemplate($input: InvitationTemplateDraftInput!) {
    previewInvitationTemplate(input: $input) {
      email { subject html }
      errors { code field message }
    }
  }
`);

export const SaveTemplateMutation = graphql(`
  mutation SaveInvitationTemplate($input: SaveInvitationTemplateInput!) {
    saveInvitationTemplate(input: $input) {
      invitationTemplate { id language subject body builtIn missingFixedTexts fixedTexts { key text } }
      errors { code field message }
    }
  }
`);

export const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys { id name prefix scopes createdAt lastUsedAt revokedAt actsAs { id fullName } }
    members(first: 200) { edges { node { id fullName isActive } } }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey { id name prefix scopes createdAt lastUsedAt revokedAt actsAs { id fullName } }
      secret
      errors { code field message }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey { id revokedAt }
      errors { code field message }
    }
  }
`);

export const DevMailboxQuery = graphql(`
  query DevMailbox($first: Int) {
    devMailbox(first: $first) { id to subject html text status createdAt }
  }
`);

export const BrandingQuery = graphql(`
  query Branding {
    branding { name logoUrl }
  }
`);

export const RemoveLogoMutation = graphql(`
  mutation RemoveOrganizationLogo {
    removeOrganizationLogo {
      branding { name logoUrl }
      errors { code field message }
    }
  }
`);

export const StorageQuery = graphql(`
  query Storage {
    organization {
      id
      name
      storage { plan extraBytes quotaBytes usedBytes plans { plan quotaBytes } }
    }
  }
`);

export const SetStoragePlanMutation = graphql(`
  mutation SetStoragePlan($input: SetStoragePlanInput!) {
    setStoragePlan(input: $input) {
      storage { plan extraBytes quotaBytes usedBytes plans { plan quotaBytes } }
      errors { code field message }
    }
  }
`);
