import { describe, it, expect } from 'vitest';
import { placeServerErrors, filledTemplates, defaultDraft, describeOffset, describeStep, hasErrors, newStep, sortedSteps, validateWorkflow } from './workflowForm';

describe('workflow form', () => {
  it('accepts the default draft once it has a name', () => {
    const d = defaultDraft();
    expect(validateWorkflow(d).name).toBe('Give the workflow a name.');
    d.name = 'Standard';
    expect(hasErrors(validateWorkflow(d))).toBe(false);
  });

  it('puts each error on its step: days, duplicate day of the same kind, custom text, action due', () => {
    const d = {
      name: 'X', isDefault: false,
      steps: [
        newStep({ offsetDays: '7' }),
        newStep({ offsetDays: '7' }),                                   // same kind, same day
        newStep({ offsetDays: '7', kind: 'ACTION' as const }),          // another kind that day: fine
        newStep({ offsetDays: '1.5' }),
        newStep({ offsetDays: '400' }),
        newStep({ offsetDays: '20', kind: 'ACTION' as const, actionKind: 'CUSTOM' as const, actionText: ' ', actionDueInDays: '-1' }),
      ],
    };
    const e = validateWorkflow(d);
    expect(e.steps[0]).toEqual({});
    expect(e.steps[1]!.offsetDays).toMatch(/Step 1 already emails/);
    expect(e.steps[2]).toEqual({});
    expect(e.steps[3]!.offsetDays).toMatch(/Whole days/);
    expect(e.steps[4]!.offsetDays).toMatch(/Within 365/);
    expect(e.steps[5]).toEqual({ actionText: 'Say what the account manager should do.', actionDueInDays: 'Between 0 and 90 days.' });
    expect(validateWorkflow({ name: 'Y', isDefault: false, steps: [] }).general).toEqual(['Add at least one step.']);
  });

  it('orders steps by day and describes them', () => {
    const s = sortedSteps([newStep({ offsetDays: '7', kind: 'ACTION' }), newStep({ offsetDays: '-3' }), newStep({ offsetDays: '+7' })]);
    expect(s.map((x) => `${x.offsetDays}${x.kind}`)).toEqual(['-3EMAIL', '+7EMAIL', '7ACTION']);
    expect(describeOffset(-1)).toBe('1 day before the due date');
    expect(describeOffset(0)).toBe('On the due date');
    expect(describeStep({ offsetDays: 7, kind: 'EMAIL', copyAccountManager: 'BCC' })).toBe('7 days after the due date: reminder email (account manager in BCC)');
    expect(describeStep({ offsetDays: 15, kind: 'ACTION', actionKind: 'CALL' })).toBe('15 days after the due date: action — call the customer');
  });

  it('checks an email step\'s own wording per language: known placeholders, lengths', () => {
    const d = { name: 'W', isDefault: false, steps: [newStep({ offsetDays: '1', templates: { da: { subject: 'Påmindelse', body: '' } } })] };
    expect(validateWorkflow(d).steps[0]).toEqual({}); // a subject alone: the built-in text below it
    d.steps[0]!.templates = { en: { subject: 'Reminder for {customer}', body: 'Total {total}, see {link}' } };
    expect(validateWorkflow(d).steps[0]!.templates).toBe('English: {link} is not a placeholder of reminder emails.');
    d.steps[0]!.templates = { en: { subject: 'Reminder for {customer}', body: 'Total {total}' }, sv: { subject: ' ', body: '' } };
    expect(validateWorkflow(d).steps[0]).toEqual({});
    expect(filledTemplates(d.steps[0]!.templates)).toEqual([{ language: 'en', subject: 'Reminder for {customer}', body: 'Total {total}' }]);
  });

  it('places the server\'s errors on their step', () => {
    const e = placeServerErrors([
      { field: 'steps.1.offsetDays', message: 'Two steps of the same kind on the same day: merge them.' },
      { field: 'steps.0.templates.da.subject', message: 'Subject: {x} is unknown.' },
      { field: 'steps.2.actionDueDays', message: 'An action is due within 0 to 90 days.' },
      { field: 'name', message: 'A workflow with that name exists.' },
      { field: null, message: 'Not allowed.' },
    ], 3);
    expect(e.steps).toEqual([{ templates: 'Subject: {x} is unknown.' }, { offsetDays: 'Two steps of the same kind on the same day: merge them.' }, { actionDueInDays: 'An action is due within 0 to 90 days.' }]);
    expect(e.name).toBe('A workflow with that name exists.');
    expect(e.general).toEqual(['Not allowed.']);
  });
});
