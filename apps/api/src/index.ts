// What the CLI and the tests use of the HTTP composition root.
export * from './create-app';
export * from './contexts';
export * from './event-log';
export { webRoot } from './web/web-app';
export { type DemoUserToken, writeDemoUsers, readDemoUsers, demoUsersFile } from './web/demo-users-file';
