import { malformedSuite } from './harness';

// One of the malformed-input suites (extensions.ts SUITES): each file seeds its own world and checks its groups' ops.
malformedSuite('team-backups');
