import { databaseNameOf, withDatabaseName } from './postgres-url';

describe('postgres URL helpers', () => {
  it('reads the database name, percent-decoded', () => {
    expect(databaseNameOf('postgres://u:p@h:5432/cellscope')).toBe('cellscope');
    expect(databaseNameOf('postgresql://h/my%20db%22x')).toBe('my db"x');
  });

  it('rejects a URL without a database', () => {
    expect(() => databaseNameOf('postgres://h:5432/')).toThrow(/names no database/);
  });

  it('swaps the database and keeps credentials, host, port and parameters', () => {
    const swapped = withDatabaseName('postgres://u:p%40ss@h:6543/cellscope?sslmode=require', 'odd name/1');
    expect(swapped).toBe('postgres://u:p%40ss@h:6543/odd%20name%2F1?sslmode=require');
    expect(databaseNameOf(swapped)).toBe('odd name/1');
  });
});
