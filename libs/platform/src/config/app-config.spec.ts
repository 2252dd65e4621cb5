import { ConfigError, loadConfig } from './app-config';

describe('configuration from the environment', () => {
  it('has a default for everything', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: null,
      embeddedPort: 54329,
      host: '127.0.0.1',
      port: 3000,
      trustProxy: null,
      runProjections: true,
      demoOnFirstStart: true,
      logLevel: 'info',
      consistencyTimeoutMs: 5000,
      readyMaxLag: 10_000,
      auth: { jwtSecret: null, jwksUrl: null, failuresPerMinute: 20 },
      audit: { signingKeyFile: null, publicKeyFile: null, sealIntervalMs: 60_000, witnessUrl: null },
    });
    expect(config.audit.witnessDir).toBe(`${config.dataDir}/witness`);
  });

  it('reads typed values, blank meaning unset', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@h/db',
      PORT: '8080',
      ANCRAGE_PROJECTIONS: 'off',
      ANCRAGE_DEMO: 'Yes',
      LOG_LEVEL: 'DEBUG',
      ANCRAGE_TRUST_PROXY: 'loopback, 10.0.0.0/8',
      ANCRAGE_JWKS_URL: 'https://idp.example/jwks',
      ANCRAGE_READY_MAX_LAG: '',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u@h/db',
      port: 8080,
      runProjections: false,
      demoOnFirstStart: true,
      logLevel: 'debug',
      readyMaxLag: 10_000,
    });
    expect(config.trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({ ANCRAGE_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ANCRAGE_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer between 0 and 65535, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be an integer between 0 and 65535, got "70000"'],
    [{ ANCRAGE_EMBEDDED_PG_PORT: '80' }, 'ANCRAGE_EMBEDDED_PG_PORT must be an integer between 1024 and 65535, got "80"'],
    [{ ANCRAGE_DEMO: 'maybe' }, 'ANCRAGE_DEMO must be true or false, got "maybe"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be debug, info, warn or error, got "loud"'],
    [{ ANCRAGE_JWT_SECRET: 'short' }, 'ANCRAGE_JWT_SECRET must be at least 32 characters'],
    [{ ANCRAGE_JWKS_URL: 'ftp://x' }, 'ANCRAGE_JWKS_URL must be an http(s) URL, got "ftp://x"'],
    [{ ANCRAGE_WITNESS_URL: 'file:///etc' }, 'ANCRAGE_WITNESS_URL must be an http(s) URL, got "file:///etc"'],
    [{ ANCRAGE_SEAL_INTERVAL_MS: '-1' }, 'ANCRAGE_SEAL_INTERVAL_MS must be an integer between 0 and 86400000, got "-1"'],
    [
      { ANCRAGE_TRUST_PROXY: 'all; rm' },
      'ANCRAGE_TRUST_PROXY must be true, a hop count or addresses (loopback, 10.0.0.0/8…), got "all; rm"',
    ],
  ])('refuses %j at start-up with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });

  it('names every variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(/PORT must be .*; LOG_LEVEL must be/);
  });
});
