// The fixed texts of the invitation email in German: a language without built-in texts needs every one.
export const GERMAN_FIXED_TEXTS = {
  Greeting: 'Guten Tag {first_name},',
  'Greeting without a name': 'Guten Tag,',
  'Inbox preview': '{sender_name} hat Ihnen Dokumente freigegeben ({count}).',
  'Message heading': 'Nachricht von {sender_name}',
  'Documents heading': 'Für Sie freigegebene Dokumente: {count}',
  Button: 'Ihren Kundenbereich öffnen',
  'Link hint': 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
  'Questions line': 'Fragen? Schreiben Sie an {sender_name}:',
  Footer: 'Sie erhalten diese E-Mail, weil {sender_name} von {organization} Dokumente freigegeben hat.',
  'Sent by': 'Gesendet von {organization} mit Portico',
};

/** Fills every fixed text in the template editor (fields are labelled with the text's name). */
export async function fillGermanFixedTexts(page) {
  const form = page.getByRole('form', { name: 'Edit template' });
  for (const [label, text] of Object.entries(GERMAN_FIXED_TEXTS)) {
    await form.getByLabel(label, { exact: true }).fill(text);
  }
}
