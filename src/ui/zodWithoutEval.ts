/**
 * zod compiles its object parsers with `new Function` where eval is allowed, and probes for it on
 * the first parse. The page's Content-Security-Policy forbids eval, so the probe would only be
 * refused and reported: parse without it. Imported first by main.ts, before any module parses
 * (some parse bundled data as they load).
 */
import { config } from 'zod';

config({ jitless: true });
