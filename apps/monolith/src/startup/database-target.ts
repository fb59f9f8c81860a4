/**
 * Where `DATABASE_URL` points, for log lines: host and port (and database), never the user's
 * password. Defaults as libpq and postgres.js apply them (localhost, 5432).
 */
export function databaseTarget(url: string): { host: string; port: number; database: string } {
  try {
    const parsed = new URL(url);
    return {
      host: decodeURIComponent(parsed.hostname) || 'localhost',
      port: Number(parsed.port || 5432),
      database: decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username) || 'postgres',
    };
  } catch {
    return { host: '(unparsable DATABASE_URL)', port: 0, database: '' };
  }
}
