import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreateLibraryMutation } from './operations';
import { Dialog, FormErrors, InputField, Spinner, TextareaField } from '../ui/components';
import { describeError, splitErrors, type UserErrorLike } from '../lib/errors';

interface Props {
  onClose: () => void;
  onCreated: (library: { id: string; name: string }) => void;
}

/** ADMIN / MANAGER: creates an empty library. */
export function NewLibraryDialog({ onClose, onCreated }: Props) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [topError, setTopError] = useState('');
  const [state, create] = useMutation(CreateLibraryMutation);
  const errs = splitErrors(errors, ['name', 'description']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTopError('');
    if (!name.trim()) return setErrors([{ code: 'REQUIRED', field: 'name', message: 'Enter a name for the library.' }]);
    const r = await create({ input: { name: name.trim(), description: description.trim() } });
    if (r.error) return setTopError(describeError(r.error));
    const p = r.data!.createLibrary;
    setErrors(p.errors);
    if (p.errors.length === 0 && p.library) onCreated(p.library);
  }

  const footer = (
    <>
      <button type="button" className="btn" onClick={onClose}>Cancel</button>
      <button type="submit" form="new-library-form" className="btn btn-primary" disabled={state.fetching}>
        {state.fetching && <Spinner label="Creating" />} Create library
      </button>
    </>
  );

  return (
    <Dialog title="New library" onClose={onClose} footer={footer}>
      <form id="new-library-form" onSubmit={submit} noValidate className="stack">
        {topError && <FormErrors messages={[topError]} />}
        <FormErrors messages={errs.general} />
        <InputField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errs.byField.name} required autoComplete="off" maxLength={200} />
        <TextareaField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} error={errs.byField.description} rows={3} hint="Optional. Shown to your team." />
      </form>
    </Dialog>
  );
}
