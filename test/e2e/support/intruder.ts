/** What a second extension tries to make Perch do, in both browsers' "another extension" tests. */
export function intruderAttempts(accountId: string): object[] {
  return [
    { type: 'auth.signOut', accountId },
    { type: 'account.check', accountId },
    { type: 'settings.setClientId', clientId: 'stolen-client-id' },
    { type: 'auth.signIn' },
  ];
}
