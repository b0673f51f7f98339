// The account endpoints as the screens reach them: signed with the session's
// token by default; tests provide a client over a fake fetch.
import { useContext } from 'preact/hooks';
import { ApiClient } from '../../sync/api-client';
import { currentToken } from '../../sync/session';
import { ApiContext } from './api-provider';

export { ApiContext };

let appClient: ApiClient | null = null;

/** The app's own client, signed with the session's token. */
export function defaultApi(): ApiClient {
  appClient ??= new ApiClient({ token: currentToken });
  return appClient;
}

export function useApi(): ApiClient {
  return useContext(ApiContext) ?? defaultApi();
}
