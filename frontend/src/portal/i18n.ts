/**
 * The hub's own words in the languages Portico ships (en, da, sv), picked by the language of the share the
 * contact got (Hub.language). A language an organization added for its invitations has no hub words here yet:
 * the hub then speaks English.
 */
export interface HubStrings {
  locale: string;
  skipToContent: string;
  signOut: string;
  notifications: string;
  hello: (firstName: string) => string;
  intro: (organization: string, customer: string) => string;
  loading: string;
  emptyTitle: string;
  emptyBody: string;
  documentsOffTitle: string;
  documentsOffBody: (organization: string) => string;
  from: (sender: string) => string;
  messageFrom: (sender: string) => string;
  open: string;
}

const en: HubStrings = {
  locale: 'en',
  skipToContent: 'Skip to content',
  signOut: 'Sign out',
  notifications: 'Notifications',
  hello: (n) => (n ? `Hello ${n}` : 'Hello'),
  intro: (o, c) => `Documents ${o} shared with ${c}. Open one to view, download, print or share it.`,
  loading: 'Loading your documents…',
  emptyTitle: 'Nothing here yet',
  emptyBody: 'When documents are shared with you they appear here.',
  documentsOffTitle: 'No documents in your hub',
  documentsOffBody: (o) => `${o || 'Your supplier'} has not switched documents on for you. Ask your contact there if you expect some.`,
  from: (s) => `from ${s}`,
  messageFrom: (s) => `Message from ${s}`,
  open: 'Open',
};

const da: HubStrings = {
  locale: 'da',
  skipToContent: 'Gå til indhold',
  signOut: 'Log ud',
  notifications: 'Notifikationer',
  hello: (n) => (n ? `Hej ${n}` : 'Hej'),
  intro: (o, c) => `Dokumenter, som ${o} har delt med ${c}. Åbn et for at se, downloade, udskrive eller dele det.`,
  loading: 'Henter dine dokumenter…',
  emptyTitle: 'Intet her endnu',
  emptyBody: 'Når der deles dokumenter med dig, vises de her.',
  documentsOffTitle: 'Ingen dokumenter i din kundehub',
  documentsOffBody: (o) => `${o || 'Din leverandør'} har ikke slået dokumenter til for dig. Spørg din kontaktperson, hvis du venter nogen.`,
  from: (s) => `fra ${s}`,
  messageFrom: (s) => `Besked fra ${s}`,
  open: 'Åbn',
};

const sv: HubStrings = {
  locale: 'sv',
  skipToContent: 'Hoppa till innehållet',
  signOut: 'Logga ut',
  notifications: 'Aviseringar',
  hello: (n) => (n ? `Hej ${n}` : 'Hej'),
  intro: (o, c) => `Dokument som ${o} har delat med ${c}. Öppna ett för att visa, ladda ner, skriva ut eller dela det.`,
  loading: 'Hämtar dina dokument…',
  emptyTitle: 'Inget här ännu',
  emptyBody: 'När dokument delas med dig visas de här.',
  documentsOffTitle: 'Inga dokument i din kundportal',
  documentsOffBody: (o) => `${o || 'Din leverantör'} har inte aktiverat dokument för dig. Fråga din kontaktperson om du väntar på några.`,
  from: (s) => `från ${s}`,
  messageFrom: (s) => `Meddelande från ${s}`,
  open: 'Öppna',
};

const BY_LANGUAGE: Record<string, HubStrings> = { en, da, sv };

export function hubStrings(language: string | null | undefined): HubStrings {
  return BY_LANGUAGE[(language ?? '').toLowerCase()] ?? en;
}
