// The account endpoints as the screens reach them: signed with the session's
// token by default; tests provide a client over a fake fetch.
import { useContext } from 'preact/hooks';
import { AccountApi } from '../../account/account-api';
import { currentToken } from '../../account/session';
import { ApiContext } from './api-provider';

export { ApiContext };

let appClient: AccountApi | null = null;

/** The app's own client, signed with the session's token. */
export function defaultApi(): AccountApi {
  appClient ??= new AccountApi({ token: currentToken });
  return appClient;
}

export function useApi(): AccountApi {
  return useContext(ApiContext) ?? defaultApi();
}
