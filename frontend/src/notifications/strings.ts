import type { NotificationDelivery, NotificationKind } from '../gql/graphql';

/** The words of the notification settings form: English for staff, the hub's language for contacts. */
export interface NotificationStrings {
  title: string;
  intro: string;
  kinds: Record<NotificationKind, { label: string; hint: string }>;
  deliveries: Record<NotificationDelivery, string>;
  digest: string;
  digestHint: string;
  digestTime: string;
  timezone: string;
  organizationZone: (zone: string) => string;
  save: string;
  saving: string;
  saved: string;
  loadFailed: string;
}

const kindsEn: NotificationStrings['kinds'] = {
  DOCUMENTS_SHARED_WITH_ME: { label: 'Documents shared with me', hint: 'When someone shares documents with you in your hub.' },
  CUSTOMER_UPLOADS: { label: 'Customer uploads', hint: 'When a customer uploads a file into one of their folders.' },
  HUB_ACTIVITY_ON_MY_SHARES: { label: 'Hub activity on my shares', hint: 'When customers open their hub, or view, download or print what you shared.' },
  QUOTES_FOR_ME: { label: 'Quotes for me', hint: 'When a quote is sent to you, or changed.' },
  QUOTE_ACTIVITY: { label: 'Answers to my quotes', hint: 'When a customer accepts or declines a quote you sent, or it expires.' },
};

export const en: NotificationStrings = {
  title: 'Notifications',
  intro: 'Choose which emails you get, and when. Every email also has a one-click unsubscribe link.',
  kinds: kindsEn,
  deliveries: { IMMEDIATELY: 'Immediately', DAILY_DIGEST: 'Daily digest', NEVER: 'Never' },
  digest: 'Daily digest',
  digestHint: 'One email a day with everything you chose to get as a digest, grouped by customer.',
  digestTime: 'Time of day',
  timezone: 'Time zone',
  organizationZone: (z) => `Organization's time zone (${z})`,
  save: 'Save notification settings',
  saving: 'Saving…',
  saved: 'Notification settings saved.',
  loadFailed: 'Could not load your notification settings.',
};

const da: NotificationStrings = {
  title: 'Notifikationer',
  intro: 'Vælg, hvilke e-mails du får, og hvornår. Hver e-mail har også et link til at afmelde med ét klik.',
  kinds: {
    ...kindsEn,
    DOCUMENTS_SHARED_WITH_ME: { label: 'Dokumenter delt med mig', hint: 'Når nogen deler dokumenter med dig i din kundehub.' },
  },
  deliveries: { IMMEDIATELY: 'Med det samme', DAILY_DIGEST: 'Dagligt overblik', NEVER: 'Aldrig' },
  digest: 'Dagligt overblik',
  digestHint: 'Én e-mail om dagen med alt det, du har valgt at få som overblik.',
  digestTime: 'Tidspunkt',
  timezone: 'Tidszone',
  organizationZone: (z) => `Organisationens tidszone (${z})`,
  save: 'Gem notifikationsindstillinger',
  saving: 'Gemmer…',
  saved: 'Notifikationsindstillingerne er gemt.',
  loadFailed: 'Dine notifikationsindstillinger kunne ikke hentes.',
};

const sv: NotificationStrings = {
  title: 'Aviseringar',
  intro: 'Välj vilka mejl du får och när. Varje mejl har också en länk för att avregistrera dig med ett klick.',
  kinds: {
    ...kindsEn,
    DOCUMENTS_SHARED_WITH_ME: { label: 'Dokument som delats med mig', hint: 'När någon delar dokument med dig i din kundportal.' },
  },
  deliveries: { IMMEDIATELY: 'Direkt', DAILY_DIGEST: 'Daglig sammanfattning', NEVER: 'Aldrig' },
  digest: 'Daglig sammanfattning',
  digestHint: 'Ett mejl om dagen med allt du valt att få som sammanfattning.',
  digestTime: 'Tid på dagen',
  timezone: 'Tidszon',
  organizationZone: (z) => `Organisationens tidszon (${z})`,
  save: 'Spara aviseringsinställningar',
  saving: 'Sparar…',
  saved: 'Aviseringsinställningarna är sparade.',
  loadFailed: 'Det gick inte att hämta dina aviseringsinställningar.',
};

export function notificationStrings(language: string): NotificationStrings {
  return ({ da, sv } as Record<string, NotificationStrings>)[language] ?? en;
}
