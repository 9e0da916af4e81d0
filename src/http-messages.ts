import { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';

/**
 * Requests and responses born with the Express app's prototypes.
 *
 * Express gives every request and response its own prototypes (`Object.setPrototypeOf(req,
 * app.request)`) as it takes them. V8 then moves the object to a hidden class outside its
 * transition tree, so each property added afterwards (by Express, the router, body parsing, the
 * request log: some twenty) makes a new hidden class with a copy of the descriptors, for every
 * request: about 20 KB of long-lived garbage a request, and property reads that never settle.
 * Made with those prototypes from the start, the objects keep the usual shared hidden classes,
 * and Express's setPrototypeOf finds nothing to change. The objects are the same as Node makes
 * (Node's constructors run on them); only their prototype is set earlier.
 */
export function expressShapedMessages(app: Express): { IncomingMessage: typeof IncomingMessage; ServerResponse: typeof ServerResponse } {
  function Request(this: IncomingMessage, socket: Socket): void {
    (IncomingMessage as unknown as (this: IncomingMessage, socket: Socket) => void).call(this, socket);
  }
  Request.prototype = app.request;
  function Response(this: ServerResponse, req: IncomingMessage, options?: object): void {
    (ServerResponse as unknown as (this: ServerResponse, req: IncomingMessage, options?: object) => void).call(this, req, options);
  }
  Response.prototype = app.response;
  return { IncomingMessage: Request as unknown as typeof IncomingMessage, ServerResponse: Response as unknown as typeof ServerResponse };
}
