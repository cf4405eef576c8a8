// Types of scripts/typescript-esm.mjs for the TypeScript tests and the benchmark that import it.
import type * as typescript from 'typescript';
export interface RewriteCounts { namespaces: number; namespaceFunctions: number; classes: number; registrations: number }
export function rewriteTypescript(source: string, ts: typeof typescript): { code: string; counts: RewriteCounts };
export function typescriptEsmPath(): string;
