import { graphql } from '../gql';

export const WelcomeSettingsQuery = graphql(`
  query WelcomeSettings {
    organization { id allowContactsWithoutEmail }
    welcomeTemplates { language subject body customized }
    invitationTemplateSpec { placeholders { name token description } }
  }
`);

export const AllowContactsWithoutEmailMutation = graphql(`
  mutation AllowContactsWithoutEmail($allow: Boolean!) {
    updateOrganization(input: { allowContactsWithoutEmail: $allow }) {
      organization { id allowContactsWithoutEmail }
      errors { code field message }
    }
  }
`);

export const PreviewWelcomeTemplateQuery = graphql(`
  query PreviewWelcomeTemplate($input: WelcomeTemplateInput!) {
    previewWelcomeTemplate(input: $input) {
      email { subject html text }
      errors { code field message }
    }
  }
`);

export const SaveWelcomeTemplateMutation = graphql(`
  mutation SaveWelcomeTemplate($input: WelcomeTemplateInput!) {
    saveWelcomeTemplate(input: $input) {
      welcomeTemplate { language subject body customized }
      errors { code field message }
    }
  }
`);

export const ResetWelcomeTemplateMutation = graphql(`
  mutation ResetWelcomeTemplate($language: String!) {
    resetWelcomeTemplate(input: { language: $language }) {
      welcomeTemplate { language subject body customized }
      errors { code field message }
    }
  }
`);
