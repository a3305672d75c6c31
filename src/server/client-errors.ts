// Requests that Node's HTTP parser refuses never reach Express: raw UTF-8 or spaces in the
// URL, a request line or headers over the size limit. Node would answer a bare 400 (or
// 431) with no body; this answers with the right status and a JSON body like the API's.
import type { Server } from 'node:http';
import { maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../logger';
import type { ErrorResponse } from '../search/wire';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  414: 'URI Too Long',
  431: 'Request Header Fields Too Large',
};

interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

/** The status and body for a request the parser refused. */
export function clientErrorResponse(
  err: ParserError,
  limit = maxHeaderSize,
): { status: number; body: ErrorResponse } {
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    // The limit covers the request line and the headers together: name the larger part.
    const raw = err.rawPacket ?? Buffer.alloc(0);
    const lineEnd = raw.indexOf('\r\n');
    const requestLine = lineEnd === -1 ? raw.length : lineEnd;
    if (requestLine > limit / 2) {
      return {
        status: 414,
        body: { error: 'uri_too_long', message: `the URL is longer than the server accepts` },
      };
    }
    return {
      status: 431,
      body: {
        error: 'headers_too_large',
        message: `the request line and headers exceed ${limit} bytes`,
      },
    };
  }
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      status: 408,
      body: { error: 'request_timeout', message: 'the request was not received in time' },
    };
  }
  const inUrl = err.code === 'HPE_INVALID_URL';
  return {
    status: 400,
    body: {
      error: 'bad_request',
      message: inUrl
        ? 'the URL holds characters that must be percent-encoded (non-ASCII text, spaces): ' +
          'encode the query, e.g. curl --get --data-urlencode "q=郑凯"'
        : `malformed HTTP request (${err.code ?? err.message})`,
    },
  };
}

/** Answers refused requests on `server` with a JSON body, logs them, counts them. */
export function answerClientErrors(
  server: Server,
  logger: Logger,
  count: (status: number) => void = () => {},
): void {
  server.on('clientError', (err: ParserError, socket: Socket) => {
    // A client that went away or a socket already answered: nothing to say.
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, body } = clientErrorResponse(err);
    const json = JSON.stringify(body);
    logger.info({ status, code: err.code, error: body.error }, `refused request: ${status}`);
    count(status);
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(json)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        json,
    );
  });
}
