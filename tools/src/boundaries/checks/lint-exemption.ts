import type { BoundaryCheck } from '../check.js';
import { finding, type Rule } from '../finding.js';
import { BOUNDARY_LINT_RULES, isBoundaryLintRule } from './boundary-rule-names.js';

export const lintExemptionRule: Rule = {
  id: 'lint-exemption',
  why: 'Exempt nothing: a boundary rule switched off for one line is a dependency nobody reviewed, invisible to the graph and copied by the next person who meets the same error.',
  fix: `Remove the comment and fix what the rule reports (import the public entry, inject the API, declare the dependency). An \`eslint-disable\` must name the rules it silences, and never ${BOUNDARY_LINT_RULES.join(' or ')}.`,
};

/**
 * `eslint-disable…` comments that switch off a boundary rule, by name or by naming none (which
 * switches off every rule), and inline `/* eslint <rule>: … *\/` configuration of one.
 */
export const lintExemptionCheck: BoundaryCheck = {
  name: 'lint-exemptions',
  rules: [lintExemptionRule],
  run(index) {
    return index.workspace.directives.flatMap((directive) => {
      let what: string;
      if (directive.kind === 'eslint-disable' && directive.rules.length === 0) what = 'switches off every ESLint rule, the boundary rules included';
      else if (directive.kind === 'eslint-disable' && directive.rules.some(isBoundaryLintRule)) what = `switches off ${directive.rules.filter(isBoundaryLintRule).join(', ')}`;
      else if (directive.kind === 'eslint-config' && directive.rules.some(isBoundaryLintRule)) what = `reconfigures ${directive.rules.filter(isBoundaryLintRule).join(', ')} inline`;
      else return [];
      return [
        finding(lintExemptionRule, {
          message: `\`${directive.text}\` ${what}.`,
          where: { project: directive.project, file: directive.file, line: directive.line },
          owner: index.ownerOf(directive.project),
        }),
      ];
    });
  },
};
