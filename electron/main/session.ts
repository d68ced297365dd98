import type { Session } from 'electron';
import { withCsp } from './csp';

/**
 * The app needs no camera, notifications, geolocation or any other
 * permission: deny every request and every check, and force our CSP onto
 * every response that goes through the network stack.
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
}
