import { i18n } from '#i18n';
import { numberOf } from '@/components/manager/format';
import { useId, useState, type FormEvent } from 'react';
import { LIST_DESCRIPTION_MAX } from '@/lib/limits';
import { ListNameField } from './ListNameField';
import { listFieldProblems, listTextLength } from './list-rules';

export interface ListFields {
  name: string;
  description: string;
  private: boolean;
}

interface Props {
  initial: ListFields;
  /** The submit button's visible text and accessible name. */
  submit: { short: string; label: string };
  /** The form's accessible name ("New list", "Edit Compiler folks"). */
  label: string;
  /** An edit may not be sent unchanged. */
  requireChange?: boolean;
  /** False when X did not say whether the list is private: no box then, whose blank would claim it public. */
  asksPrivacy?: boolean;
  /** Sends it; true when accepted. */
  onSubmit: (fields: ListFields) => Promise<boolean>;
  onCancel: () => void;
}

/**
 * A list's name, description and privacy, checked as X checks them (a name of 1–25 characters, a description of
 * at most 100), with the limits and the count shown as the person types, and where its photo is changed (x.com).
 */
export function ListForm({ initial, submit, label, requireChange, asksPrivacy = true, onSubmit, onCancel }: Props) {
  const id = useId();
  const [fields, setFields] = useState<ListFields>(initial);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const problems = listFieldProblems(fields);
  // "Give it a name" waits until the person has tried; "too long" shows at once.
  const shown = problems.filter((p) => p !== 'name-missing' || touched);
  const descriptionLength = listTextLength(fields.description.trim());
  const unchanged =
    fields.name.trim() === initial.name.trim() &&
    fields.description.trim() === initial.description.trim() &&
    fields.private === initial.private;

  async function send(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (busy || problems.length || (requireChange && unchanged)) return;
    setBusy(true);
    try {
      await onSubmit({ name: fields.name.trim(), description: fields.description.trim(), private: fields.private });
    } finally {
      setBusy(false);
    }
  }

  const descriptionError = shown.includes('description-too-long')
    ? i18n.t('lists_error_description_too_long', descriptionLength - LIST_DESCRIPTION_MAX, [descriptionLength - LIST_DESCRIPTION_MAX], {
        max: LIST_DESCRIPTION_MAX,
      })
    : undefined;

  return (
    <form className="mgr-list-form" aria-label={label} noValidate onSubmit={(e) => void send(e)}>
      <ListNameField
        id={id}
        look="manager"
        value={fields.name}
        touched={touched}
        onChange={(name) => setFields({ ...fields, name })}
        onTouch={() => setTouched(true)}
      />
      <div className="mgr-field">
        <label htmlFor={`${id}-description`}>{i18n.t('lists_field_description')}</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          value={fields.description}
          aria-invalid={!!descriptionError || undefined}
          aria-describedby={`${id}-description-hint ${id}-description-count${descriptionError ? ` ${id}-description-error` : ''}`}
          onChange={(e) => setFields({ ...fields, description: e.target.value })}
        />
        <div className="mgr-field-meta">
          <span id={`${id}-description-hint`} className="note">
            {i18n.t('lists_description_hint', { max: LIST_DESCRIPTION_MAX })}
          </span>
          <span id={`${id}-description-count`} className={`mgr-count${descriptionLength > LIST_DESCRIPTION_MAX ? ' error' : ''}`}>
            {i18n.t('lists_counter', { count: numberOf(descriptionLength), max: numberOf(LIST_DESCRIPTION_MAX) })}
          </span>
        </div>
        {descriptionError ? (
          <p id={`${id}-description-error`} className="error" role="alert">
            {descriptionError}
          </p>
        ) : null}
      </div>
      {asksPrivacy ? (
        <div className="mgr-field">
          <label className="mgr-check">
            <input type="checkbox" checked={fields.private} onChange={(e) => setFields({ ...fields, private: e.target.checked })} />
            {i18n.t('lists_field_private')}
          </label>
          <p className="note">{i18n.t('lists_private_hint')}</p>
        </div>
      ) : null}
      {/* X's update takes a name, a description and privacy, nothing more (openapi.json's ListUpdateRequest): a
          person who looks here for the List's photo is told where it is changed. */}
      <p className="note">{i18n.t('lists_photo_on_x')}</p>
      <div className="row">
        {/* Not natively disabled (Firefox drops the focus from a disabled button to the page, and Save is the button just
            pressed): it says it cannot be pressed, and a press then sends nothing. */}
        <button
          type="submit"
          className="primary"
          aria-label={submit.label}
          aria-disabled={busy || shown.length > 0 || (requireChange && unchanged) || undefined}
          aria-busy={busy || undefined}
        >
          {submit.short}
        </button>
        <button type="button" onClick={onCancel}>
          {i18n.t('lists_cancel')}
        </button>
      </div>
    </form>
  );
}
