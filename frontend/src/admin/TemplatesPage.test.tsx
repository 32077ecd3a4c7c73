import { describe, it, expect } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TemplatesPage } from './TemplatesPage';
import { createMockClient, Wrapper } from '../test/mockClient';

const spec = {
  placeholders: [
    { name: 'first_name', token: '{first_name}', description: "The recipient's first name." },
    { name: 'sender_name', token: '{sender_name}', description: 'The rep.' },
    { name: 'organization', token: '{organization}', description: 'Your organization.' },
  ],
  fixedTexts: [
    { key: 'greeting', label: 'Greeting', description: 'Opens the email.', placeholders: ['first_name'] },
    { key: 'button', label: 'Button', description: 'Opens the hub.', placeholders: [] },
  ],
  builtInLanguages: ['en', 'da', 'sv'],
};
const english = {
  id: 'T1', language: 'en', subject: '{organization} has shared documents with you', body: 'Hello', builtIn: true,
  missingFixedTexts: [], fixedTexts: [{ key: 'greeting', text: 'Hello {first_name},' }, { key: 'button', text: 'Open your hub' }],
};
const finnish = { ...english, id: 'T2', language: 'fi', subject: 'Asiakirjat', builtIn: false, missingFixedTexts: ['greeting', 'button'], fixedTexts: [] };

type Draft = { language: string; subject: string; body: string; fixedTexts: { key: string; text: string }[] };

function setup() {
  const mock = createMockClient({
    InvitationTemplates: () => ({ data: { invitationTemplates: [english, finnish], invitationTemplateSpec: spec } }),
    PreviewInvitationTemplate: (v) => {
      const d = v.input as Draft;
      if (d.body.includes('{sender}')) {
        return { data: { previewInvitationTemplate: { email: null, errors: [{ code: 'UNKNOWN_PLACEHOLDER', field: 'body', message: 'Text: {sender} is not a placeholder.' }] } } };
      }
      const missing = d.fixedTexts.filter((f) => !f.text).map((f) => f.key);
      if (d.language === 'de' && missing.length) {
        return { data: { previewInvitationTemplate: { email: null, errors: [{ code: 'TEMPLATE_INCOMPLETE', field: 'fixedTexts', message: `Missing: ${missing.join(', ')}.` }] } } };
      }
      const button = d.fixedTexts.find((f) => f.key === 'button')?.text || 'Open your hub';
      return { data: { previewInvitationTemplate: { email: { subject: d.subject, html: `<p>${d.body}</p><a>${button}</a>` }, errors: [] } } };
    },
    SaveInvitationTemplate: (v) => ({ data: { saveInvitationTemplate: { invitationTemplate: { ...english, language: (v.input as Draft).language }, errors: [] } } }),
  });
  render(<Wrapper client={mock.client}><TemplatesPage /></Wrapper>);
  return mock;
}

describe('TemplatesPage', () => {
  it('marks a template that lacks fixed texts', async () => {
    setup();
    const list = await screen.findByRole('list');
    expect(within(list).getByText(/Incomplete: 2 fixed texts missing/)).toBeInTheDocument();
  });

  it('lists the accepted placeholders, inserts one, and previews the draft beside the editor', async () => {
    const user = userEvent.setup();
    const m = setup();
    await user.click(await screen.findByRole('button', { name: 'Edit English (en)' }));
    const placeholders = screen.getByRole('group', { name: 'Placeholders' });
    expect(within(placeholders).getByText('{first_name}')).toBeInTheDocument();
    expect(within(placeholders).getByText('{organization}')).toBeInTheDocument();
    const body = screen.getByLabelText('Body');
    await user.clear(body);
    await user.type(body, 'Regards, ');
    await user.click(screen.getByRole('button', { name: 'Insert {sender_name}' }));
    expect(body).toHaveValue('Regards, {sender_name}');
    const frame = await screen.findByTitle('Template preview');
    await waitFor(() => expect(frame.getAttribute('srcdoc')).toBe('<p>Regards, {sender_name}</p><a>Open your hub</a>'), { timeout: 3000 });
    expect(frame).toHaveAttribute('sandbox', '');
    expect(m.callsOf('PreviewInvitationTemplate').length).toBeLessThan(5); // debounced
  });

  it('shows an unknown placeholder inline as you type, and a new language needs every fixed text', async () => {
    const user = userEvent.setup();
    const m = setup();
    await user.click(await screen.findByRole('button', { name: 'Add language' }));
    await user.type(screen.getByLabelText('Language code'), 'de');
    await user.type(screen.getByLabelText('Subject'), 'Dokumente');
    await user.type(screen.getByLabelText('Body'), 'Gruss, {{sender}');
    const body = screen.getByLabelText('Body');
    await waitFor(() => expect(body).toHaveAccessibleDescription('Text: {sender} is not a placeholder.'), { timeout: 3000 });
    expect(body).toHaveAttribute('aria-invalid', 'true');
    await user.clear(body);
    await user.type(body, 'Hallo');
    await screen.findByText('Missing: greeting, button.', {}, { timeout: 3000 });
    // English texts guide the translation but are not filled in.
    expect(screen.getByLabelText('Button')).toHaveAttribute('placeholder', 'Open your hub');
    expect(screen.getByLabelText('Button')).toHaveValue('');
    await user.type(screen.getByLabelText('Greeting'), 'Guten Tag {{first_name},');
    await user.type(screen.getByLabelText('Button'), 'Öffnen');
    const frame = await screen.findByTitle('Template preview', {}, { timeout: 3000 });
    await waitFor(() => expect(frame.getAttribute('srcdoc')).toBe('<p>Hallo</p><a>Öffnen</a>'), { timeout: 3000 });
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    await screen.findByText('Template for Deutsch (de) saved.');
    expect(m.callsOf('SaveInvitationTemplate')[0]!.variables.input).toEqual({
      language: 'de', subject: 'Dokumente', body: 'Hallo',
      fixedTexts: [{ key: 'greeting', text: 'Guten Tag {first_name},' }, { key: 'button', text: 'Öffnen' }],
    });
  });
});
