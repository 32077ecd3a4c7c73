/**
 * The hub's own words in the languages Portico ships (en, da, sv), picked by the language of the share the
 * contact got (Hub.language). A language an organization added for its invitations has no hub words here yet:
 * the hub then speaks English.
 */
import { STAFF_LABELS, type FolderLabels } from '../folders/labels';

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
  /** The folder view (staff folders with permissions, seed 003). */
  folders: FolderLabels;
  sharedWithYou: string;
  /** The Invoices section (module INVOICES, issue 11). */
  invoices: InvoiceStrings;
}

export interface InvoiceStrings {
  title: string;
  intro: (organization: string) => string;
  empty: string;
  number: string;
  issued: string;
  due: string;
  amount: string;
  open: string;
  openPdf: string;
  noPdf: string;
  total: string;
  status: Record<'OPEN' | 'PARTIALLY_PAID' | 'PAID' | 'VOID' | 'OVERDUE', string>;
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
  folders: { ...STAFF_LABELS, access: 'What your colleagues may do', whoHasAccess: 'Which colleagues', allContacts: 'All your colleagues', chosenContacts: 'Only these colleagues', noContacts: 'No colleagues yet.' },
  sharedWithYou: 'Shared with you',
  invoices: {
    title: 'Invoices', intro: (o) => `Invoices from ${o || 'your supplier'}. Open one to see the PDF.`, empty: 'No invoices yet.',
    number: 'Invoice', issued: 'Issued', due: 'Due', amount: 'Amount', open: 'Outstanding', openPdf: 'Open PDF', noPdf: 'No PDF',
    total: 'Outstanding in total',
    status: { OPEN: 'Open', PARTIALLY_PAID: 'Partially paid', PAID: 'Paid', VOID: 'Cancelled', OVERDUE: 'Overdue' },
  },
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
  folders: {
    folders: 'Mapper', documents: (n) => `${n} dokument${n === 1 ? '' : 'er'}`, noDocuments: 'Ingen dokumenter i mappen endnu.',
    showMore: 'Vis flere', upload: 'Upload filer', uploadHint: 'Vælg en eller flere filer.', uploading: (n) => `Uploader ${n}`,
    cancel: 'Annuller', save: 'Gem', close: 'Luk', open: 'Åbn', download: 'Download', newVersion: 'Ny version',
    versions: 'Versioner', version: (n) => `Version ${n}`, uploadedByCustomer: 'Uploadet af jer', permissions: 'Adgang',
    access: 'Hvad dine kolleger må', accessNone: 'Ingen adgang', accessView: 'Se', accessUpload: 'Se og uploade',
    whoHasAccess: 'Hvilke kolleger', allContacts: 'Alle dine kolleger', chosenContacts: 'Kun disse kolleger',
    noContacts: 'Ingen kolleger endnu.', failed: 'Noget gik galt.',
  },
  sharedWithYou: 'Delt med dig',
  invoices: {
    title: 'Fakturaer', intro: (o) => `Fakturaer fra ${o || 'din leverandør'}. Åbn en for at se PDF'en.`, empty: 'Ingen fakturaer endnu.',
    number: 'Faktura', issued: 'Udstedt', due: 'Forfalder', amount: 'Beløb', open: 'Udestående', openPdf: 'Åbn PDF', noPdf: 'Ingen PDF',
    total: 'Udestående i alt',
    status: { OPEN: 'Åben', PARTIALLY_PAID: 'Delvist betalt', PAID: 'Betalt', VOID: 'Annulleret', OVERDUE: 'Forfalden' },
  },
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
  folders: {
    folders: 'Mappar', documents: (n) => `${n} dokument`, noDocuments: 'Inga dokument i mappen ännu.',
    showMore: 'Visa fler', upload: 'Ladda upp filer', uploadHint: 'Välj en eller flera filer.', uploading: (n) => `Laddar upp ${n}`,
    cancel: 'Avbryt', save: 'Spara', close: 'Stäng', open: 'Öppna', download: 'Ladda ner', newVersion: 'Ny version',
    versions: 'Versioner', version: (n) => `Version ${n}`, uploadedByCustomer: 'Uppladdat av er', permissions: 'Behörigheter',
    access: 'Vad dina kollegor får göra', accessNone: 'Ingen åtkomst', accessView: 'Visa', accessUpload: 'Visa och ladda upp',
    whoHasAccess: 'Vilka kollegor', allContacts: 'Alla dina kollegor', chosenContacts: 'Bara dessa kollegor',
    noContacts: 'Inga kollegor ännu.', failed: 'Något gick fel.',
  },
  sharedWithYou: 'Delat med dig',
  invoices: {
    title: 'Fakturor', intro: (o) => `Fakturor från ${o || 'din leverantör'}. Öppna en för att se PDF:en.`, empty: 'Inga fakturor ännu.',
    number: 'Faktura', issued: 'Utfärdad', due: 'Förfaller', amount: 'Belopp', open: 'Utestående', openPdf: 'Öppna PDF', noPdf: 'Ingen PDF',
    total: 'Utestående totalt',
    status: { OPEN: 'Öppen', PARTIALLY_PAID: 'Delvis betald', PAID: 'Betald', VOID: 'Makulerad', OVERDUE: 'Förfallen' },
  },
};

const BY_LANGUAGE: Record<string, HubStrings> = { en, da, sv };

export function hubStrings(language: string | null | undefined): HubStrings {
  return BY_LANGUAGE[(language ?? '').toLowerCase()] ?? en;
}
