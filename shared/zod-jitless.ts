import { z } from 'zod';

/*
 * zod compiles a fast parser for each object schema with `new Function` unless told not to,
 * and probes for that ability the same way. Under the app's Content Security Policy (no
 * 'unsafe-eval') the probe is refused and reported as a CSP violation on every page. zod
 * decides when a schema is created, so every entry point (renderer, each worker, main)
 * imports this module first, before any module that defines a schema.
 */
z.config({ jitless: true });
