import { graphql } from '../gql';

export const RedeemHubLinkMutation = graphql(`
  mutation RedeemHubLink($input: RedeemHubLinkInput!) {
    redeemHubLink(input: $input) {
      needsPassword
      viewer { kind contact { id firstName fullName email } }
      errors { code field message }
    }
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
      customer { id name }
      folders {
        id name date
        sender { id fullName email }
        documents { id name contentType sizeBytes createdAt viewUrl downloadUrl }
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
