interface ImportMetaEnv {
  readonly WXT_X_API_BASE_URL?: string;
  readonly WXT_X_AUTHORIZE_URL?: string;
  readonly WXT_X_CLIENT_ID?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
