import { graphql } from '../gql';

export const RedeemHubLinkMutation = graphql(`
  mutation RedeemHubLink($input: RedeemHubLinkInput!) {
    redeemHubLink(input: $input) {
      state
      needsPassword
      firstName
      organizationName
      hasPassword
      viewer { kind contact { id firstName fullName email } }
      errors { code field message }
    }
  }
`);

export const HubLinkLogInMutation = graphql(`
  mutation HubLinkLogIn($input: HubLinkLogInInput!) {
    hubLinkLogIn(input: $input) { viewer { kind } errors { code field message } }
  }
`);

export const RequestHubSignInCodeMutation = graphql(`
  mutation RequestHubSignInCode($input: HubLinkTokenInput!) {
    requestHubSignInCode(input: $input) { sentTo errors { code field message } }
  }
`);

export const SignInWithHubCodeMutation = graphql(`
  mutation SignInWithHubCode($input: SignInWithHubCodeInput!) {
    signInWithHubCode(input: $input) { viewer { kind } errors { code field message } }
  }
`);

export const RequestHubPasswordResetMutation = graphql(`
  mutation RequestHubPasswordReset($input: RequestHubPasswordResetInput!) {
    requestHubPasswordReset(input: $input) { ok errors { code field message } }
  }
`);

export const ResetHubPasswordMutation = graphql(`
  mutation ResetHubPassword($input: ResetHubPasswordInput!) {
    resetHubPassword(input: $input) { viewer { kind } errors { code field message } }
  }
`);

export const SetContactPasswordMutation = graphql(`
  mutation SetContactPassword($input: SetContactPasswordInput!) {
    setContactPassword(input: $input) { ok errors { code field message } }
  }
`);

export const HubLogInMutation = graphql(`
  mutation HubLogIn($input: HubLogInInput!) {
    hubLogIn(input: $input) { viewer { kind } errors { code field message } }
  }
`);

export const OpenHubMutation = graphql(`
  mutation OpenHub {
    openHub { ok errors { code field message } }
  }
`);

export const HubChromeQuery = graphql(`
  query HubChrome {
    myHub { id language branding { name logoUrl } }
  }
`);

export const MyHubQuery = graphql(`
  query MyHub {
    myHub {
      id
      modules
      customer { id name }
      folders {
        id name date kind
        sender { id fullName email }
        documents(first: 200) { edges { node { id name contentType sizeBytes createdAt } } }
        shares { id message createdAt sender { id fullName } documents { id } }
      }
    }
  }
`);

export const RecordDocumentPrintMutation = graphql(`
  mutation RecordDocumentPrint($input: RecordDocumentPrintInput!) {
    recordDocumentPrint(input: $input) { ok errors { code field message } }
  }
`);

export const ShareWithColleagueMutation = graphql(`
  mutation ShareWithColleague($input: ShareWithColleagueInput!) {
    shareWithColleague(input: $input) {
      contact { id fullName email }
      errors { code field message }
    }
  }
`);
