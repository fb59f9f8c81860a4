/** The ESLint rules that enforce boundaries: switching either off, anywhere, is an exemption. */
export const BOUNDARY_LINT_RULES = ['@nx/enforce-module-boundaries', '@nx/dependency-checks'] as const;

export const isBoundaryLintRule = (rule: string) => (BOUNDARY_LINT_RULES as readonly string[]).includes(rule);
