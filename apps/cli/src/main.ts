import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError } from '@ancrage/platform';
import { auditTreeHead, auditExport, auditKeygen, auditVerify, auditVerifyBundle, projectionsCheck } from './commands/audit';
import { bench } from './commands/bench';
import { benchAudit } from './commands/bench-audit';
import { benchDashboard } from './commands/bench-dashboard';
import { benchLoad } from './commands/bench-load';
import { benchPast } from './commands/bench-past';
import { benchWeb } from './commands/bench-web';
import { demoCommand } from './commands/demo';
import { eventsTail } from './commands/events';
import { eventsCopy } from './commands/events-copy';
import { importCommand } from './commands/import';
import { migrateCommand } from './commands/migrate';
import { openapiCommand } from './commands/openapi';
import { projectionsRebuild, projectionsStatus } from './commands/projections';
import { serve } from './commands/serve';
import { tokensIssue, tokensRevoke, usersAdd, usersDisable, usersGrant } from './commands/users';

const program = new Command('ancrage')
  .description('Ancrage: partnerships, action plans and the 5% fund of employment agencies, as an event log')
  .showHelpAfterError();

program.command('serve').description('start the HTTP API and the projectors (embedded PostgreSQL without DATABASE_URL)').action(serve);
program.command('migrate').description('apply pending schema migrations').action(migrateCommand);
program
  .command('openapi')
  .description('print the OpenAPI document (no database needed)')
  .option('--out <file>', 'write it to this file instead')
  .action(openapiCommand);

program
  .command('demo')
  .description('record the demo territory (2016-2018, 38 agencies) through the real command handlers; prints a token per role')
  .option('--seed <n>', 'random seed: the same seed gives the same history', '2018')
  .option('--scale <n>', 'repeat the 38 agencies n times (volume runs)', '1')
  .action(demoCommand);

const projections = program.command('projections').description('read models fed from the event log');
projections
  .command('status')
  .option('--json', 'print JSON')
  .description('checkpoint, head, lag and state of each projection')
  .action(projectionsStatus);
projections
  .command('rebuild [name]')
  .description('rebuild one projection (or all) from the log into fresh tables, then swap them in')
  .action(projectionsRebuild);

projections
  .command('check [name]')
  .description('replay in memory and compare with what the tables answer, live or at a past cut (drift check); exit 1 on drift')
  .option('--as-of <date>', 'compare as of this date or instant')
  .option('--known-at <instant>', 'compare as known at this instant')
  .action(projectionsCheck);

const events = program.command('events').description('the event log');
events
  .command('tail')
  .description('print events as JSON lines')
  .option('--from <position>', 'start after this position (default: the last --limit events)')
  .option('--limit <n>', 'how many recent events to start with', '20')
  .option('--type <type...>', 'only these event types')
  .option('--agency <safir>', "only this agency's events")
  .option('-f, --follow', 'keep printing new events')
  .action(eventsTail);
events
  .command('copy')
  .description('copy a log into another store exactly as stored (ids, order, hashes); resumes after an interruption, verifies at the end')
  .requiredOption('--from <url>', 'the store to read (postgres://…)')
  .requiredOption('--to <url>', 'the store to write: empty, or holding the start of this very log')
  .option('--batch <n>', 'events per transaction', '1000')
  .action(eventsCopy);

const audit = program.command('audit').description('tamper evidence');
audit
  .command('verify')
  .option('--against <tree-head.json>', 'prove the log extends this signed tree head (default: every head of the witness folder)')
  .option('--public-key <pem>', 'the public key heads are checked with (default: ANCRAGE_AUDIT_PUBLIC_KEY_FILE, or the signing key)')
  .description('verify every event, and the log against signed tree heads; name the first altered position')
  .action(auditVerify);
audit
  .command('tree-head')
  .description('seal the log into the Merkle tree and print the signed tree head (needs ANCRAGE_AUDIT_KEY_FILE)')
  .action(auditTreeHead);
audit
  .command('keygen')
  .requiredOption('--out <file>', 'private key file (the public key goes to <file>.pub)')
  .description('create an Ed25519 signing key')
  .action(auditKeygen);
audit
  .command('export')
  .requiredOption('--agency <safir>')
  .requiredOption('--from <date>')
  .requiredOption('--to <date>')
  .requiredOption('--out <dir>')
  .description(
    "evidence bundle: an agency's events of a period with inclusion proofs, the signed tree head, read models, a signed manifest",
  )
  .action(auditExport);
audit
  .command('verify-bundle <dir>')
  .requiredOption('--public-key <pem>', "the auditors' copy of the public key")
  .option('--agency <safir>', 'the agency the bundle must be of')
  .description('check a bundle offline: signatures, file hashes, every event and its inclusion proof (no database)')
  .action(auditVerifyBundle);

program
  .command('import <kind> <file>')
  .description(
    'import an agency’s partners, agreements or contacts from an XLSX or CSV file (French headers), through the API’s commands; exit 1 when rows are refused',
  )
  .requiredOption('--agency <safir>', 'the agency whose file it is')
  .option('--dry-run', 'say what each row would do, record nothing')
  .option('--json', 'print the report as JSON')
  .action(importCommand);

const users = program.command('users').description('users and their rights (recorded as events)');
users
  .command('add <userId>')
  .description('register a user, optionally with grants')
  .requiredOption('--name <displayName>', 'name shown in the history')
  .option('--email <email>')
  .option('--grant <grant...>', 'admin | auditor | manager:SAFIR[,SAFIR] | director:REGION[,REGION] | director:national')
  .action(usersAdd);
users.command('grant <userId> <grant>').description('grant a role (replaces an earlier grant of that role)').action(usersGrant);
users
  .command('disable <userId>')
  .requiredOption('--reason <reason>')
  .description('disable a user: their tokens stop working')
  .action(usersDisable);

const tokens = program.command('tokens').description('API tokens (only their hashes are stored)');
tokens
  .command('issue')
  .requiredOption('--user <userId>')
  .option('--label <label>', 'what the token is for', 'cli')
  .option('--expires-in-days <days>')
  .description('issue a token and print it once on stdout')
  .action(tokensIssue);
tokens.command('revoke <tokenId>').requiredOption('--user <userId>').description('revoke a token').action(tokensRevoke);

program
  .command('bench')
  .description('measure append and rebuild throughput on this machine (scratch database)')
  .option('--events <n>', 'events generated for the rebuild measurement', '1000000')
  .option('--quick', 'small sizes, for a smoke run')
  .action(bench);

program
  .command('bench-audit')
  .description('measure the verifiable log: appends while sealing, sealing, verifying, inclusion proofs (scratch database)')
  .option('--events <n>', 'events in the log to verify', '1000000')
  .action(benchAudit);

program
  .command('bench-dashboard')
  .description('load the demo on a scratch database and measure the views’ endpoints with autocannon (p50/p99, requests/s)')
  .option('--connections <n>', 'concurrent connections', '50')
  .option('--duration <s>', 'seconds per endpoint', '30')
  .option('--scale <n>', 'demo scale (38 agencies × n)', '1')
  .action(benchDashboard);

program
  .command('bench-load')
  .description(
    'load the demo on a scratch database, then mixed reads and writes on shared streams from many connections; prints statuses, p50/p99, and checks accepted writes = new events',
  )
  .option('--connections <n>', 'concurrent connections', '50')
  .option('--duration <s>', 'seconds of load', '30')
  .action(benchLoad);

program
  .command('bench-past')
  .description(
    'load the demo at a scale on a scratch database, rebuild every projection, then read each national, regional and agency view live and at random past cuts beside a full replay; prints p50/p99, rebuild rates and the storage the past costs',
  )
  .option('--scale <n>', 'demo scale (38 agencies × n; 25 is about 950 agencies)', '25')
  .option('--samples <n>', 'reads per view, live and past', '20')
  .option('--keep', 'keep the scratch database and print its URL')
  .option('--database <url>', 'read a demo kept by an earlier run (--keep) instead of recording one')
  .action(benchPast);

program
  .command('bench-web')
  .description(
    'load the demo on a scratch database and measure, in Chromium, each page until its figures are on screen, live and at a past date, and the first page’s gzipped JS and CSS',
  )
  .option('--runs <n>', 'loads per page and date', '7')
  .action(benchWeb);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`configuration error: ${error.message}`);
  else console.error(error instanceof Error ? `error: ${error.message}` : error);
  process.exit(1);
});
