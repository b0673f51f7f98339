// The context through which a tree can hand the account screens its own API
// client (tests give one over a fake fetch). Apart from api-context.ts so the
// header's account menu reaches it without loading the client and the reply
// schemas with the first screen.
import { createContext } from 'preact';
import type { AccountApi } from '../../account/account-api';

/** A client given by the tree; null: the app's own, signed with the session's token (api-context.ts). */
export const ApiContext = createContext<AccountApi | null>(null);
