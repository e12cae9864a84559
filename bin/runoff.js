#!/usr/bin/env node
// Shim: run the bundled CLI and report its exit code without cutting off piped output.
import { run } from '../dist/runoff.js';

process.exitCode = await run(process.argv.slice(2));
