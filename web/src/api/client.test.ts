import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../../core/contracts/errors.ts';
import { ApiError, unreachableMessage } from './client.ts';

const body = (code: keyof typeof errorCatalogue) => ({
  code,
  message: errorCatalogue[code].message,
  correlationId: 'c-1',
});

describe('failed calls', () => {
  it('while the database is away (503) the calm message is shown, not the server text', () => {
    const error = new ApiError(503, body('SERVICE_UNAVAILABLE'), 'POST');
    expect(error.unreachable).toBe(true);
    expect(error.message).toBe(unreachableMessage);
    expect(error.change).toBe(true);
  });

  it('with no answer at all, or a proxy saying the server is away, likewise', () => {
    for (const status of [0, 502, 504]) {
      const error = new ApiError(status, undefined, 'GET');
      expect(error.unreachable, String(status)).toBe(true);
      expect(error.message).toBe(unreachableMessage);
      expect(error.change).toBe(false);
    }
  });

  it("a refusal or a fault keeps the server's own words", () => {
    for (const code of ['VALIDATION', 'VERSION_CONFLICT', 'INTERNAL'] as const) {
      const error = new ApiError(errorCatalogue[code].status, body(code), 'POST');
      expect(error.unreachable, code).toBe(false);
      expect(error.message).toBe(errorCatalogue[code].message);
    }
  });
});
