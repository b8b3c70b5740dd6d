import { i18n } from '#i18n';
import type { Ref } from 'react';
import { numberOf } from '@/components/manager/format';
import { LIST_NAME_MAX } from '@/lib/limits';
import { listFieldProblems, listTextLength } from './list-rules';

/** The class names of each screen's look: the side panel's List form (views.css), the popup's picker (popup.css). */
const LOOKS = {
  manager: { field: 'mgr-field', meta: 'mgr-field-meta', note: 'note', count: 'mgr-count', quiet: '' },
  popup: { field: 'new-list-field', meta: 'new-list-meta', note: 'note muted', count: 'new-list-count', quiet: ' muted' },
} as const;

interface Props {
  /** The field's ids start with it (the form's useId): `${id}-name`, `-name-hint`, `-name-count`, `-name-error`. */
  id: string;
  value: string;
  /** The person has tried to send it, or left the box with a name typed: "Give it a name" may show. */
  touched: boolean;
  onChange: (name: string) => void;
  onTouch: () => void;
  look: keyof typeof LOOKS;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A List's name, as the side panel's List form (ListForm.tsx) and the popup's "New list" (NewListForm.tsx) both ask it:
 * checked as X checks it (ListCreateRequest and ListUpdateRequest: `name` of 1 to 25 characters), its limit and count
 * shown as the person types. "Give it a name" waits until the person has tried; "too long" shows at once.
 */
export function ListNameField({ id, value, touched, onChange, onTouch, look, inputRef }: Props) {
  const css = LOOKS[look];
  const problems = listFieldProblems({ name: value, description: '' });
  const length = listTextLength(value.trim());
  const error =
    problems.includes('name-missing') && touched
      ? i18n.t('lists_error_name_missing')
      : problems.includes('name-too-long')
        ? i18n.t('lists_error_name_too_long', length - LIST_NAME_MAX, [length - LIST_NAME_MAX], { max: LIST_NAME_MAX })
        : undefined;
  return (
    <div className={css.field}>
      <label htmlFor={`${id}-name`}>{i18n.t('lists_field_name')}</label>
      <input
        ref={inputRef}
        id={`${id}-name`}
        type="text"
        autoComplete="off"
        value={value}
        aria-invalid={!!error || undefined}
        aria-describedby={`${id}-name-hint ${id}-name-count${error ? ` ${id}-name-error` : ''}`}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => value && onTouch()}
      />
      <div className={css.meta}>
        <span id={`${id}-name-hint`} className={css.note}>
          {i18n.t('lists_name_hint', { max: numberOf(LIST_NAME_MAX) })}
        </span>
        <span id={`${id}-name-count`} className={`${css.count}${length > LIST_NAME_MAX ? ' error' : css.quiet}`}>
          {i18n.t('lists_counter', { count: numberOf(length), max: numberOf(LIST_NAME_MAX) })}
        </span>
      </div>
      {error ? (
        <p id={`${id}-name-error`} className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
