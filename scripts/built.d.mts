// Types for built.mjs, which runs under plain node (npm start on a production install).
export const SERVER_ENTRY: string;
export const ADMIN_ENTRY: string;
export function ensureBuilt(options: { app: boolean }): Promise<void>;
