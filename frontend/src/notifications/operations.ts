import { graphql } from '../gql';

export const MyNotificationSettingsQuery = graphql(`
  query MyNotificationSettings {
    myNotificationSettings { choices { kind delivery defaultDelivery } timezone effectiveTimezone digestTime }
  }
`);

export const UpdateNotificationSettingsMutation = graphql(`
  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      notificationSettings { choices { kind delivery defaultDelivery } timezone effectiveTimezone digestTime }
      errors { code field message }
    }
  }
`);
