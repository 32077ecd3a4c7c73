/**
 * The hub's words for quotes (en, da, sv), picked like the rest of the hub's words (portal/i18n.ts). The public-link
 * visitor page uses them too, in the language the link was made in, or English.
 */

export interface QuoteStrings {
  quotes: string;
  quote: string;
  number: (n: string) => string;
  amount: string;
  expiresOn: (d: string) => string;
  expired: string;
  status: Record<string, string>;
  view: string;
  download: string;
  downloadPdf: string;
  attachments: string;
  version: (n: number) => string;
  messageFrom: (s: string) => string;
  back: string;
  notFound: string;
  noQuotes: string;
  /* deciding */
  decideTitle: string;
  decideBody: string;
  accept: string;
  decline: string;
  confirmIdentity: string;
  codeExplain: string;
  visitorExplain: string;
  yourName: string;
  yourEmail: string;
  sendCode: string;
  codeSentTo: (to: string) => string;
  code: string;
  codeHint: string;
  confirmAccept: string;
  acceptLegal: (title: string, version: number) => string;
  resend: string;
  cancel: string;
  declineTitle: string;
  declineReason: string;
  declineReasonHint: string;
  confirmDecline: string;
  acceptedTitle: string;
  acceptedBody: (name: string, when: string) => string;
  certificate: string;
  declinedTitle: string;
  declinedBody: (when: string) => string;
  expiredBody: string;
  closedBody: string;
  /* validation */
  needName: string;
  needEmail: string;
  needCode: string;
  failed: string;
  /* public link */
  linkTitle: string;
  linkIntro: (org: string) => string;
  password: string;
  open: string;
}

const en: QuoteStrings = {
  quotes: 'Quotes', quote: 'Quote', number: (n) => `No. ${n}`, amount: 'Amount',
  expiresOn: (d) => `Valid until ${d}`, expired: 'Expired',
  status: { SENT: 'New', OPENED: 'Awaiting your answer', DOWNLOADED: 'Awaiting your answer', ACCEPTED: 'Accepted', DECLINED: 'Declined', EXPIRED: 'Expired', ARCHIVED: 'Closed' },
  view: 'View', download: 'Download', downloadPdf: 'Download PDF', attachments: 'Attachments', version: (n) => `Version ${n}`,
  messageFrom: (s) => `Message from ${s}`, back: 'Back', notFound: 'This quote is not available. It may have been withdrawn.',
  noQuotes: 'No quotes for you right now.',
  decideTitle: 'Your answer', decideBody: 'Accept the quote to confirm the order, or decline it.',
  accept: 'Accept quote', decline: 'Decline',
  confirmIdentity: 'Confirm it is you',
  codeExplain: 'We email a 6-digit code to your address. Enter it with your full name to accept.',
  visitorExplain: 'Enter your name and email: we send a 6-digit code to that address to confirm it is you.',
  yourName: 'Your full name', yourEmail: 'Your email', sendCode: 'Email me a code', codeSentTo: (to) => `We sent a code to ${to}. It is valid for 10 minutes.`,
  code: '6-digit code', codeHint: 'From the email we just sent.', confirmAccept: 'Accept quote',
  acceptLegal: (t, v) => `By accepting you agree to “${t}”, version ${v}, as shown. Your name, email, time and address are recorded on an acceptance certificate.`,
  resend: 'Send a new code', cancel: 'Cancel',
  declineTitle: 'Decline the quote', declineReason: 'Reason (optional)', declineReasonHint: 'Helps them make a better offer.', confirmDecline: 'Decline quote',
  acceptedTitle: 'Quote accepted', acceptedBody: (n, w) => `Accepted by ${n} on ${w}.`, certificate: 'Acceptance certificate',
  declinedTitle: 'Quote declined', declinedBody: (w) => `You declined this quote on ${w}.`,
  expiredBody: 'This quote has expired and can no longer be accepted. Contact your supplier for a new one.',
  closedBody: 'This quote is closed.',
  needName: 'Type your full name.', needEmail: 'Type a valid email address.', needCode: 'Type the 6 digits from the email.',
  failed: 'Something went wrong. Try again.',
  linkTitle: 'Open your quote', linkIntro: (o) => `${o || 'Your supplier'} shared a quote with you. Enter the password you were given.`,
  password: 'Password', open: 'Open quote',
};

const da: QuoteStrings = {
  quotes: 'Tilbud', quote: 'Tilbud', number: (n) => `Nr. ${n}`, amount: 'Beløb',
  expiresOn: (d) => `Gælder til ${d}`, expired: 'Udløbet',
  status: { SENT: 'Nyt', OPENED: 'Afventer dit svar', DOWNLOADED: 'Afventer dit svar', ACCEPTED: 'Accepteret', DECLINED: 'Afvist', EXPIRED: 'Udløbet', ARCHIVED: 'Lukket' },
  view: 'Se', download: 'Download', downloadPdf: 'Download PDF', attachments: 'Bilag', version: (n) => `Version ${n}`,
  messageFrom: (s) => `Besked fra ${s}`, back: 'Tilbage', notFound: 'Tilbuddet er ikke tilgængeligt. Det kan være trukket tilbage.',
  noQuotes: 'Ingen tilbud til dig lige nu.',
  decideTitle: 'Dit svar', decideBody: 'Acceptér tilbuddet for at bekræfte ordren, eller afvis det.',
  accept: 'Acceptér tilbud', decline: 'Afvis',
  confirmIdentity: 'Bekræft, at det er dig',
  codeExplain: 'Vi sender en 6-cifret kode til din e-mail. Indtast den med dit fulde navn for at acceptere.',
  visitorExplain: 'Indtast dit navn og din e-mail: vi sender en 6-cifret kode til adressen for at bekræfte, at det er dig.',
  yourName: 'Dit fulde navn', yourEmail: 'Din e-mail', sendCode: 'Send mig en kode', codeSentTo: (to) => `Vi har sendt en kode til ${to}. Den gælder i 10 minutter.`,
  code: '6-cifret kode', codeHint: 'Fra den e-mail, vi lige har sendt.', confirmAccept: 'Acceptér tilbud',
  acceptLegal: (t, v) => `Ved at acceptere siger du ja til „${t}“, version ${v}, som vist. Dit navn, din e-mail, tidspunkt og adresse registreres på et acceptcertifikat.`,
  resend: 'Send en ny kode', cancel: 'Annuller',
  declineTitle: 'Afvis tilbuddet', declineReason: 'Begrundelse (valgfri)', declineReasonHint: 'Hjælper dem med at give et bedre tilbud.', confirmDecline: 'Afvis tilbud',
  acceptedTitle: 'Tilbud accepteret', acceptedBody: (n, w) => `Accepteret af ${n} den ${w}.`, certificate: 'Acceptcertifikat',
  declinedTitle: 'Tilbud afvist', declinedBody: (w) => `Du afviste tilbuddet den ${w}.`,
  expiredBody: 'Tilbuddet er udløbet og kan ikke længere accepteres. Kontakt din leverandør for et nyt.',
  closedBody: 'Tilbuddet er lukket.',
  needName: 'Skriv dit fulde navn.', needEmail: 'Skriv en gyldig e-mailadresse.', needCode: 'Skriv de 6 cifre fra e-mailen.',
  failed: 'Noget gik galt. Prøv igen.',
  linkTitle: 'Åbn dit tilbud', linkIntro: (o) => `${o || 'Din leverandør'} har delt et tilbud med dig. Indtast den adgangskode, du har fået.`,
  password: 'Adgangskode', open: 'Åbn tilbud',
};

const sv: QuoteStrings = {
  quotes: 'Offerter', quote: 'Offert', number: (n) => `Nr ${n}`, amount: 'Belopp',
  expiresOn: (d) => `Giltig till ${d}`, expired: 'Utgången',
  status: { SENT: 'Ny', OPENED: 'Väntar på ditt svar', DOWNLOADED: 'Väntar på ditt svar', ACCEPTED: 'Accepterad', DECLINED: 'Avböjd', EXPIRED: 'Utgången', ARCHIVED: 'Stängd' },
  view: 'Visa', download: 'Ladda ner', downloadPdf: 'Ladda ner PDF', attachments: 'Bilagor', version: (n) => `Version ${n}`,
  messageFrom: (s) => `Meddelande från ${s}`, back: 'Tillbaka', notFound: 'Offerten är inte tillgänglig. Den kan ha dragits tillbaka.',
  noQuotes: 'Inga offerter till dig just nu.',
  decideTitle: 'Ditt svar', decideBody: 'Acceptera offerten för att bekräfta beställningen, eller avböj den.',
  accept: 'Acceptera offert', decline: 'Avböj',
  confirmIdentity: 'Bekräfta att det är du',
  codeExplain: 'Vi mejlar en 6-siffrig kod till din adress. Ange den med ditt fullständiga namn för att acceptera.',
  visitorExplain: 'Ange ditt namn och din e-post: vi skickar en 6-siffrig kod till adressen för att bekräfta att det är du.',
  yourName: 'Ditt fullständiga namn', yourEmail: 'Din e-post', sendCode: 'Mejla mig en kod', codeSentTo: (to) => `Vi har skickat en kod till ${to}. Den gäller i 10 minuter.`,
  code: '6-siffrig kod', codeHint: 'Från mejlet vi just skickade.', confirmAccept: 'Acceptera offert',
  acceptLegal: (t, v) => `Genom att acceptera godkänner du ”${t}”, version ${v}, som den visas. Ditt namn, din e-post, tid och adress registreras på ett acceptanscertifikat.`,
  resend: 'Skicka en ny kod', cancel: 'Avbryt',
  declineTitle: 'Avböj offerten', declineReason: 'Anledning (valfritt)', declineReasonHint: 'Hjälper dem att ge ett bättre erbjudande.', confirmDecline: 'Avböj offert',
  acceptedTitle: 'Offert accepterad', acceptedBody: (n, w) => `Accepterad av ${n} den ${w}.`, certificate: 'Acceptanscertifikat',
  declinedTitle: 'Offert avböjd', declinedBody: (w) => `Du avböjde offerten den ${w}.`,
  expiredBody: 'Offerten har gått ut och kan inte längre accepteras. Kontakta din leverantör för en ny.',
  closedBody: 'Offerten är stängd.',
  needName: 'Skriv ditt fullständiga namn.', needEmail: 'Skriv en giltig e-postadress.', needCode: 'Skriv de 6 siffrorna från mejlet.',
  failed: 'Något gick fel. Försök igen.',
  linkTitle: 'Öppna din offert', linkIntro: (o) => `${o || 'Din leverantör'} har delat en offert med dig. Ange lösenordet du har fått.`,
  password: 'Lösenord', open: 'Öppna offert',
};

const BY_LANGUAGE: Record<string, QuoteStrings> = { en, da, sv };

export function quoteStrings(language: string | null | undefined): QuoteStrings {
  return BY_LANGUAGE[(language ?? '').toLowerCase()] ?? en;
}
