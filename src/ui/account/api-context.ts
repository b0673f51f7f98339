// The account endpoints as the screens reach them: signed with the session's
// token by default; tests provide a client over a fake fetch.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ApiClient } from '../../sync/api-client';
import { currentToken } from '../../sync/session';

export const ApiContext = createContext<ApiClient>(new ApiClient({ token: currentToken }));

export function useApi(): ApiClient {
  return useContext(ApiContext);
}
