// Security headers on every response (hono/secure-headers), with a strict
// Content-Security-Policy. Preact sets `style={{…}}` through the CSSOM, which
// CSP does not govern, so style-src needs no 'unsafe-inline'.
import { secureHeaders } from 'hono/secure-headers';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'blob:', 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  // write-excel-file zips a large sheet in a worker made from a blob: URL (the app's own code).
  workerSrc: ["'self'", 'blob:'],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    // HSTS belongs to the TLS-terminating proxy; on plain http it is ignored anyway.
    strictTransportSecurity: false,
    permissionsPolicy: { camera: ['self'], microphone: [], geolocation: [] },
    removePoweredBy: true,
  });
}
