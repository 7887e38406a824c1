import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` unless told not to, and merely probing for
 * that is an 'unsafe-eval' CSP violation. The app shares the schema module with the core, so
 * switch zod's JIT off before any schema is created. Import this first in main.tsx.
 */
z.config({ jitless: true });
