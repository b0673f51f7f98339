/** Whether the page runs where offline work is allowed; true outside a browser. */
export function isSecurePage(scope: { isSecureContext?: boolean } = globalThis): boolean {
  return scope.isSecureContext !== false;
}
