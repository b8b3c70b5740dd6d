import { describe, expect, it } from 'vitest';
import { errorOf, errorText, missingAccountText, thrownText } from '@/components/error-text';
import { MessageError } from '@/lib/messaging';
import { ERROR_KINDS } from '@/lib/views';

describe('the words for a failure', () => {
  it('shows the background’s own words for X’s answers, which name the reset time and what to do', () => {
    const message = 'X’s limit for this is used up. Perch tries again at 14:05.';
    expect(thrownText(new MessageError({ kind: 'rate-limited', message }))).toBe(message);
  });

  it('says Perch’s background could not be reached, without the browser’s technical cause', () => {
    const e = new MessageError({
      kind: 'unreachable',
      message: 'Perch’s background could not be reached (Error: Receiving end does not exist.).',
    });
    expect(thrownText(e)).toBe('Perch’s background could not be reached. Try again.');
  });

  it('says a refused request in Perch’s words', () => {
    expect(errorText({ kind: 'bad-request', message: 'x' })).toBe('Perch did not understand that request. Try again, or reload this page.');
  });

  it('words a kind this version does not know as any other failure, with the background’s message', () => {
    const e = new MessageError({ kind: 'from-a-newer-background' as never, message: 'X is having a moment.' });
    expect(errorOf(e)).toEqual({ kind: 'error', message: 'X is having a moment.' });
    expect(thrownText(e)).toBe('X is having a moment.');
  });

  it('words anything else thrown by its message, and an empty one generically', () => {
    expect(thrownText(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    expect(thrownText('boom')).toBe('boom');
    expect(errorText({ kind: 'error', message: '' })).toBe('Something went wrong. Please try again.');
  });

  it.each(ERROR_KINDS.map((kind) => [kind]))('has words for %s', (kind) => {
    expect(errorText({ kind, message: 'The background’s words.' })).toMatch(/\S/);
  });
});

describe('a missing account', () => {
  it('says it doesn’t exist or is suspended, since X’s 404 does not tell them apart', () => {
    expect(missingAccountText('nobody_here')).toBe('@nobody_here doesn’t exist or is suspended.');
    expect(missingAccountText('nobody_here', 'Could not find user with username: [nobody_here].')).toBe(
      '@nobody_here doesn’t exist or is suspended.',
    );
  });

  it('says it is suspended when X’s own words say so', () => {
    expect(missingAccountText('spammy', 'User has been suspended: [spammy].')).toBe('@spammy is suspended on X.');
  });
});
