import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-db.ts';
import type { TestDatabase } from '../test/test-db.ts';

/**
 * schema.ts is how the compiler sees the database; the migrations are the truth. Nothing ties
 * the two but this test: it reads schema.ts as source (interfaces leave nothing at run time) and
 * compares every table and column with a freshly migrated database — names, whether a column
 * may be null, whether an insert may leave it out, and the kind of value.
 */

interface DeclaredColumn {
  nullable: boolean;
  /** Generated<…>, or an insert type that admits undefined or never: the database must fill it. */
  insertOptional: boolean;
  /** The selected type without null: 'string', 'number', 'boolean', 'Date', 'array', 'other'. */
  kind: 'string' | 'number' | 'boolean' | 'Date' | 'array' | 'other';
}

type DeclaredTables = Map<string, Map<string, DeclaredColumn>>;

function readDeclaredSchema(): DeclaredTables {
  const file = path.join(import.meta.dirname, 'schema.ts');
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, ts.TypeNode>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement.type);
  }

  /** Follows a local alias one level at a time; imported names stay as they are. */
  const resolve = (node: ts.TypeNode): ts.TypeNode => {
    if (ts.isTypeReferenceNode(node) && !node.typeArguments) {
      const target = aliases.get(node.typeName.getText(source));
      if (target) return resolve(target);
    }
    if (ts.isParenthesizedTypeNode(node)) return resolve(node.type);
    return node;
  };
  const wrapper = (node: ts.TypeNode, name: string): readonly ts.TypeNode[] | undefined =>
    ts.isTypeReferenceNode(node) && node.typeName.getText(source) === name
      ? node.typeArguments
      : undefined;
  const members = (node: ts.TypeNode): ts.TypeNode[] => {
    const resolved = resolve(node);
    return ts.isUnionTypeNode(resolved) ? resolved.types.flatMap(members) : [resolved];
  };
  const isNull = (node: ts.TypeNode) =>
    ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword;
  const admitsUndefinedOrNever = (node: ts.TypeNode) =>
    members(node).some(
      (m) => m.kind === ts.SyntaxKind.UndefinedKeyword || m.kind === ts.SyntaxKind.NeverKeyword,
    );
  const kindOf = (types: ts.TypeNode[]): DeclaredColumn['kind'] => {
    const kinds = new Set(
      types.map((m): DeclaredColumn['kind'] => {
        if (m.kind === ts.SyntaxKind.StringKeyword) return 'string';
        if (m.kind === ts.SyntaxKind.NumberKeyword) return 'number';
        if (m.kind === ts.SyntaxKind.BooleanKeyword) return 'boolean';
        if (ts.isTypeReferenceNode(m) && m.typeName.getText(source) === 'Date') return 'Date';
        if (ts.isArrayTypeNode(m)) return 'array';
        if (ts.isLiteralTypeNode(m) && ts.isStringLiteral(m.literal)) return 'string';
        return 'other';
      }),
    );
    return kinds.size === 1 ? [...kinds][0]! : 'other';
  };

  const describeColumn = (node: ts.TypeNode): DeclaredColumn => {
    const resolved = resolve(node);
    const generated = wrapper(resolved, 'Generated');
    if (generated?.[0]) return { ...describeColumn(generated[0]), insertOptional: true };
    const column = wrapper(resolved, 'ColumnType');
    const selected = column?.[0] ?? resolved;
    const insert = column?.[1];
    const types = members(selected);
    const nonNull = types.filter((m) => !isNull(m));
    return {
      nullable: nonNull.length < types.length,
      insertOptional: insert ? admitsUndefinedOrNever(insert) : false,
      kind: kindOf(nonNull),
    };
  };

  const database = interfaces.get('Database');
  if (!database) throw new Error('schema.ts has no interface Database');
  const tables: DeclaredTables = new Map();
  for (const member of database.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const tableName = member.name.getText(source);
    const interfaceName = member.type.getText(source);
    const declaration = interfaces.get(interfaceName);
    if (!declaration) throw new Error(`schema.ts: ${interfaceName} is not declared`);
    const columns = new Map<string, DeclaredColumn>();
    for (const column of declaration.members) {
      if (!ts.isPropertySignature(column) || !column.type) continue;
      columns.set(column.name.getText(source), describeColumn(column.type));
    }
    tables.set(tableName, columns);
  }
  return tables;
}

interface ActualColumn {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  data_type: string;
  has_default: boolean;
}

/** Which of the database's types each declared kind may stand for. */
const typesOfKind: Record<Exclude<DeclaredColumn['kind'], 'other'>, string[]> = {
  // Dates come back as 'YYYY-MM-DD' text (database.ts); uuid and inet are text to the driver.
  string: ['text', 'character varying', 'uuid', 'date', 'inet', 'jsonb'],
  number: ['integer', 'bigint', 'smallint'],
  boolean: ['boolean'],
  Date: ['timestamp with time zone'],
  array: ['ARRAY', 'jsonb'],
};

let database: TestDatabase;
let actual: ActualColumn[];
const declared = readDeclaredSchema();

beforeAll(async () => {
  database = await createTestDatabase();
  const result = await sql<ActualColumn>`
    select c.table_name, c.column_name, c.is_nullable, c.data_type,
           (c.column_default is not null or c.is_identity = 'YES') as has_default
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.table_name not like 'kysely_migration%'
    order by c.table_name, c.ordinal_position`.execute(database.db);
  actual = result.rows;
});
afterAll(async () => {
  await database.destroy();
});

describe('schema.ts against the migrated database', () => {
  it('names exactly the tables the migrations create', () => {
    const tables = [...new Set(actual.map((c) => c.table_name))].sort();
    expect([...declared.keys()].sort()).toEqual(tables);
  });

  it('names exactly the columns of each table', () => {
    for (const [table, columns] of declared) {
      const inDatabase = actual.filter((c) => c.table_name === table).map((c) => c.column_name);
      expect([...columns.keys()].sort(), table).toEqual(inDatabase.sort());
    }
  });

  it('says null where the database allows null, and only there', () => {
    const wrong = actual.flatMap((c) => {
      const column = declared.get(c.table_name)?.get(c.column_name);
      if (!column) return [];
      return column.nullable === (c.is_nullable === 'YES')
        ? []
        : [
            `${c.table_name}.${c.column_name}: database ${c.is_nullable === 'YES' ? 'null' : 'not null'}`,
          ];
    });
    expect(wrong).toEqual([]);
  });

  it('lets an insert leave out only what the database fills (a default, or null)', () => {
    const wrong = actual.flatMap((c) => {
      const column = declared.get(c.table_name)?.get(c.column_name);
      if (!column?.insertOptional || c.has_default || c.is_nullable === 'YES') return [];
      return [`${c.table_name}.${c.column_name}`];
    });
    expect(wrong).toEqual([]);
  });

  it('declares each column with a kind of value its database type gives', () => {
    const wrong = actual.flatMap((c) => {
      const column = declared.get(c.table_name)?.get(c.column_name);
      if (!column || column.kind === 'other') return [];
      return typesOfKind[column.kind].includes(c.data_type)
        ? []
        : [`${c.table_name}.${c.column_name}: ${column.kind} vs ${c.data_type}`];
    });
    expect(wrong).toEqual([]);
  });

  it('reads schema.ts well enough to matter', () => {
    // A parser that found nothing would make every comparison above pass.
    expect(declared.size).toBeGreaterThan(20);
    const user = declared.get('app_user');
    expect(user?.get('totp_secret')).toEqual({
      nullable: true,
      insertOptional: false,
      kind: 'string',
    });
    expect(user?.get('id')?.insertOptional).toBe(true);
    expect(declared.get('person')?.get('created_at')?.kind).toBe('Date');
  });
});
