import { z } from 'zod';

/**
 * The error catalogue: every error the API can answer with, its HTTP status, and the Swedish
 * message a person sees. Messages name what to do next and never carry personal data: details
 * that belong to the request (which field) travel in `fields`, never interpolated into text.
 */
export const errorCatalogue = {
  VALIDATION: {
    status: 400,
    message: 'Uppgifterna kunde inte sparas. Rätta de markerade fälten och försök igen.',
  },
  MALFORMED_REQUEST: {
    status: 400,
    message: 'Begäran kunde inte läsas. Ladda om sidan och försök igen.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    message:
      'Fel användarnamn eller lösenord. Kontrollera stora och små bokstäver och försök igen.',
  },
  SECOND_FACTOR_INVALID: {
    status: 401,
    message:
      'Koden stämmer inte eller har redan använts. Vänta på nästa kod i appen och försök igen.',
  },
  LOGIN_INCOMPLETE: {
    status: 403,
    message: 'Inloggningen är inte klar. Slutför steget med engångskoden först.',
  },
  UNAUTHENTICATED: {
    status: 401,
    message: 'Du är inte inloggad, eller så har sessionen gått ut. Logga in igen.',
  },
  FORBIDDEN: {
    status: 403,
    message: 'Du har inte behörighet att göra detta. Kontakta din enhetschef om du behöver det.',
  },
  CSRF_REJECTED: {
    status: 403,
    message: 'Begäran saknar en giltig säkerhetstoken. Ladda om sidan och försök igen.',
  },
  NOT_FOUND: {
    status: 404,
    message: 'Det du söker finns inte, eller så har du inte behörighet till det.',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    message: 'Åtgärden stöds inte här.',
  },
  VERSION_CONFLICT: {
    status: 409,
    message:
      'Någon annan har ändrat uppgifterna medan du arbetade. Ladda om för att se den senaste versionen och gör sedan din ändring igen.',
  },
  REQUEST_PENDING: {
    status: 409,
    message:
      'Det finns redan en begäran om samma ändring som väntar på godkännande. Vänta på den eller dra tillbaka den först.',
  },
  STEP_OUT_OF_ORDER: {
    status: 409,
    message: 'Steget kan inte tas ännu. Gör det steg som saknas först.',
  },
  UNSAFE_CHANNEL: {
    status: 409,
    message:
      'Kontaktvägen är inte säker för personen. Välj en annan kontaktväg eller kommunicera vid ett möte.',
  },
  NO_DELEGATION: {
    status: 403,
    message:
      'Du har inte delegation att fatta det här beslutet. Be någon med delegation att fatta det, eller kontakta enhetschefen.',
  },
  /** A retry's key was first used for another write (or so long ago that its answer is gone). */
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message:
      'Det här har redan skickats en gång med ett annat innehåll. Ladda om sidan, kontrollera vad som sparades och gör om det som saknas.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: 'Det du skickade är för stort. Dela upp texten eller ta bort bilagor och försök igen.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Begäran måste skickas som JSON. Ladda om sidan och försök igen.',
  },
  RATE_LIMITED: {
    status: 429,
    message: 'För många försök på kort tid. Vänta en stund och försök igen.',
  },
  /** The same answer whether or not the account exists: unknown usernames lock alike. */
  ACCOUNT_LOCKED: {
    status: 429,
    message:
      'Inloggningen är tillfälligt spärrad efter för många misslyckade försök. Vänta 15 minuter och försök igen, eller be din enhetschef eller en administratör att häva spärren.',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message:
      'Värn har tillfälligt ingen kontakt med databasen. Vänta en liten stund och försök igen – det du skickar igen sparas bara en gång.',
  },
  INTERNAL: {
    status: 500,
    message:
      'Något gick fel hos oss och ingenting sparades. Försök igen. Om felet kvarstår, kontakta support och uppge felkoden.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export const ErrorCode = z.enum(Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]]);

/** A problem with one input field, addressed by its path in the request. */
export const FieldError = z.object({
  /** Where: `body.personnummer`, `params.id`, `query.page`. */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** Every non-2xx JSON response has this shape. */
export const ErrorResponse = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** Quote this to support; it finds the request in the logs without naming anyone. */
    correlationId: z.string(),
    fields: z.array(FieldError).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
