import { headCompressors } from '@headroom/core/testing';
import { headroomMiddleware } from '../headroom-middleware.js';
import type { HeadroomMiddleware, HeadroomMiddlewareOptions } from '../types.js';

/**
 * The middleware with the stand-in head compressor on every kind (passed as an option, as users
 * pass theirs), so these tests exercise the middleware, not the compressors' heuristics.
 */
export function testMiddleware(options: HeadroomMiddlewareOptions = {}): HeadroomMiddleware {
  return headroomMiddleware(
    options.headroom ? options : { compressors: headCompressors(), ...options },
  );
}
