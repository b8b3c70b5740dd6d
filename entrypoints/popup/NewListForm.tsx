import { i18n } from '#i18n';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ListNameField } from '@/components/manager/lists/ListNameField';
import { Phrases } from '@/components/Phrases';
import { listFieldProblems } from '@/components/manager/lists/list-rules';

export interface NewListFields {
  name: string;
  private: boolean;
}

interface Props {
  /** The List is on its way to X: the button says "Creating…" and sends nothing more. */
  busy: boolean;
  /** Where the List waits on its way (X's limit, no connection), in the status line. */
  note?: string | undefined;
  /** Why it was not made (X's refusal in X's words), in the alert; the name typed stays. */
  problem?: string | undefined;
  onSubmit: (fields: NewListFields) => void;
  /** Cancel or Escape: the form closes (the picker stays open). */
  onClose: () => void;
}

/**
 * "New list" in the popup's list picker (ListPicker.tsx): a name and whether the List is private, checked as X checks
 * them (ListCreateRequest: `name` 1 to 25 characters, `private` a boolean; x-api--lists--create-list), the count shown
 * as the person types. It takes the focus when opened; Escape closes it without closing the picker. A description
 * (optional on X) is left to the manager's Lists tab.
 */
export function NewListForm({ busy, note, problem, onSubmit, onClose }: Props) {
  const id = useId();
  const [fields, setFields] = useState<NewListFields>({ name: '', private: false });
  const [touched, setTouched] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const nameBox = useRef<HTMLInputElement>(null);
  useEffect(() => nameBox.current?.focus(), []);
  // A listener on the form itself: it hears Escape before the picker's own (which would close the whole picker).
  useEffect(() => {
    const el = form.current;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      onClose();
    };
    el?.addEventListener('keydown', onKey);
    return () => el?.removeEventListener('keydown', onKey);
  }, [onClose]);

  const problems = listFieldProblems({ name: fields.name, description: '' });

  function send(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setTouched(true);
    if (problems.length) return nameBox.current?.focus();
    onSubmit({ name: fields.name.trim(), private: fields.private });
  }

  return (
    <form ref={form} className="new-list" aria-label={i18n.t('lists_new_form')} noValidate onSubmit={send}>
      <ListNameField
        id={id}
        look="popup"
        inputRef={nameBox}
        value={fields.name}
        touched={touched}
        onChange={(name) => setFields({ ...fields, name })}
        onTouch={() => setTouched(true)}
      />
      <div className="new-list-field">
        <label className="new-list-check">
          <input type="checkbox" checked={fields.private} onChange={(e) => setFields({ ...fields, private: e.target.checked })} />
          {i18n.t('lists_field_private')}
        </label>
        <p className="note muted">{i18n.t('lists_private_hint')}</p>
      </div>
      <div className="row">
        <button type="submit" className="primary" aria-disabled={busy || undefined}>
          {busy ? i18n.t('popup_list_creating') : i18n.t('lists_create_short')}
        </button>
        <button type="button" onClick={onClose}>
          {i18n.t('lists_cancel')}
        </button>
      </div>
      <p className="muted" role="status">
        <Phrases text={note} />
      </p>
      <p className="error" role="alert">
        <Phrases text={problem} />
      </p>
    </form>
  );
}
