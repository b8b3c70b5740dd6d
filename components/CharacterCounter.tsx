import { i18n } from '#i18n';
import { numberOf } from '@/lib/reader-locale';
import { useState } from 'react';
import { POST_MAX_WEIGHT } from '@/lib/limits';
import type { ParsedPost } from '@/lib/text/parse-post';

const R = 10;
const CIRCUMFERENCE = 2 * Math.PI * R;

/**
 * X's counter: a ring that fills towards the account's limit (280, or X's long-post limit for a subscription that
 * allows long posts), the number left once 20 or fewer remain, red past the limit. A screen reader hears, as the
 * person types, by how much the post is over the limit, and once it is back within it; nothing while within.
 */
export function CharacterCounter({ parsed, limit = POST_MAX_WEIGHT }: { parsed: ParsedPost; limit?: number }) {
  const left = limit - parsed.weightedLength;
  const fill = Math.min(parsed.weightedLength / limit, 1);
  const tone = left < 0 ? 'over' : left <= 20 ? 'near' : 'ok';
  const label = left >= 0 ? i18n.t('counter_left', left, [numberOf(left)]) : i18n.t('counter_over', -left, [numberOf(-left)]);
  const [wasOver, setWasOver] = useState(false);
  if (left < 0 && !wasOver) setWasOver(true);
  const said = left < 0 ? label : wasOver ? i18n.t('counter_within') : '';
  return (
    <>
      <span className="visually-hidden" role="status">
        {said}
      </span>
      <span className={`counter counter-${tone}`} role="img" aria-label={label} title={label}>
        <svg width="26" height="26" viewBox="0 0 26 26" aria-hidden="true">
          <circle className="counter-track" cx="13" cy="13" r={R} fill="none" strokeWidth="2.5" />
          <circle
            className="counter-fill"
            cx="13"
            cy="13"
            r={R}
            fill="none"
            strokeWidth="2.5"
            strokeDasharray={`${fill * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
            transform="rotate(-90 13 13)"
          />
        </svg>
        {left <= 20 ? <span className="counter-number">{numberOf(left)}</span> : null}
      </span>
    </>
  );
}
