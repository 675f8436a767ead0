import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import type { SecretName } from '../../functions/core/ports';
import type { Capability } from '../../lib/function-access';
import { REPO_ROOT } from '../../lib/paths';

/**
 * Which capabilities a Lambda's code needs, found from the code itself: esbuild bundles the
 * function's entry as the stack does (tree-shaken), which says which source files end up in
 * it; the TypeScript checker then finds, in those files, every call of a port method (a method
 * declared by an interface in functions/core/ports), however the port got there (the
 * container, a `Pick<Container, …>`, a `deps` object or a class field).
 */

/** The port interface whose calls need each capability (the baseline, Db/KeyValue/Clock…, needs none). */
const PORT_CAPABILITY: Record<string, Capability> = {
  Billing: 'stripe',
  Crypto: 'crypto',
  Embedder: 'llm',
  JobQueue: 'queues',
  Llm: 'llm',
  Mailer: 'mail',
  MediaStore: 'media',
  PostScheduler: 'scheduler',
  Realtime: 'realtime',
};

/** `Secrets.get(name)`: the capability that deploys each secret (null: every function has it). */
const SECRET_CAPABILITY: Record<SecretName, Capability | null> = {
  'jwt-signing-key': null,
  'anthropic-api-key': 'llm',
  'stripe-secret-key': 'stripe',
  'stripe-webhook-secret': 'stripe',
  'platform-apps': 'platform-apps',
  // Every HTTP function has it (lib/area-functions.ts).
  'origin-verify': null,
};

export interface PortUse {
  capability: Capability;
  /** `file:line Interface.method` */
  where: string;
}

const PORTS_DIR = join(REPO_ROOT, 'functions/core/ports');
/** Adapters implement ports (and the composition root builds them all): they are not users. */
const ADAPTERS_DIR = join(REPO_ROOT, 'functions/adapters');

/** For each entry (relative path), the repository source files its tree-shaken bundle contains. */
export async function bundledSources(entries: string[]): Promise<Map<string, string[]>> {
  const result = await esbuild.build({
    absWorkingDir: REPO_ROOT,
    entryPoints: entries,
    outbase: REPO_ROOT,
    outdir: join(REPO_ROOT, 'cdk.out', 'port-usage'),
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    // Only the repository's own files matter here; packages cannot call Plume's ports.
    packages: 'external',
    logLevel: 'silent',
  });
  const byEntry = new Map<string, string[]>();
  for (const output of Object.values(result.metafile.outputs)) {
    if (!output.entryPoint) continue;
    const files = Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => join(REPO_ROOT, path))
      .filter((path) => path.endsWith('.ts') && !path.startsWith(ADAPTERS_DIR));
    byEntry.set(output.entryPoint, files);
  }
  return byEntry;
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = join(REPO_ROOT, 'tsconfig.json');
  const config = ts.parseConfigFileTextToJson(configPath, readFileSync(configPath, 'utf8'));
  return ts.convertCompilerOptionsFromJson(config.config.compilerOptions, REPO_ROOT).options;
}

/** The port interface (name) that declares a method symbol, if any. */
function portInterfaceOf(symbol: ts.Symbol | undefined): string | undefined {
  for (const declaration of symbol?.declarations ?? []) {
    const owner = declaration.parent;
    if (ts.isInterfaceDeclaration(owner) && owner.getSourceFile().fileName.startsWith(PORTS_DIR)) {
      return owner.name.text;
    }
  }
  return undefined;
}

/** The string literal values an expression can have (`'platform-apps'`, or a union of literals). */
function literalValues(checker: ts.TypeChecker, expression: ts.Expression): string[] | undefined {
  const type = checker.getTypeAtLocation(expression);
  const parts = type.isUnion() ? type.types : [type];
  const values = parts.map((part) => (part.isStringLiteral() ? part.value : undefined));
  return values.every((value) => value !== undefined) ? (values as string[]) : undefined;
}

/**
 * A program over the repository's own files only: imports of packages resolve to nothing
 * (their types become `any`), which the port calls do not need and which makes the checker
 * load in seconds instead of reading every SDK's declarations.
 */
function ownFilesProgram(files: string[]): ts.Program {
  const options: ts.CompilerOptions = { ...compilerOptions(), noEmit: true, types: [], noLib: false };
  const host = ts.createCompilerHost(options);
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map((literal) => {
      if (!literal.text.startsWith('.')) return { resolvedModule: undefined };
      return ts.resolveModuleName(literal.text, containingFile, options, host);
    });
  return ts.createProgram(files, options, host);
}

/** Every port call in the given files, by file. */
export function portUsesByFile(files: string[]): Map<string, PortUse[]> {
  const program = ownFilesProgram(files);
  const checker = program.getTypeChecker();
  const uses = new Map<string, PortUse[]>();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`TypeScript did not load ${file}`);
    const found: PortUse[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name;
        const port = portInterfaceOf(checker.getSymbolAtLocation(method));
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        const where = `${relative(REPO_ROOT, file)}:${line} ${port}.${method.text}`;
        if (port && port in PORT_CAPABILITY) {
          found.push({ capability: PORT_CAPABILITY[port]!, where });
        } else if (port === 'Secrets' && method.text === 'get') {
          const [name] = node.arguments;
          const names = name ? literalValues(checker, name) : undefined;
          if (!names) throw new Error(`${where}: cannot tell which secret is read; pass a literal name`);
          for (const secret of names) {
            const capability = SECRET_CAPABILITY[secret as SecretName];
            if (capability) found.push({ capability, where: `${where}('${secret}')` });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    uses.set(file, found);
  }
  return uses;
}
