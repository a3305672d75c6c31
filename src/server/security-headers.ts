// Security headers on every response (helmet). The Content-Security-Policy is the search
// page's: everything from this server, nothing inline, no plugins, never framed.
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // The page's favicon is an empty data: URL.
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Only a search box's origin leaves the page, never the query in its URL.
    referrerPolicy: { policy: 'no-referrer' },
    // Served over plain HTTP (TLS ends at a proxy, if any): HSTS belongs to the proxy.
    strictTransportSecurity: false,
  });
}
