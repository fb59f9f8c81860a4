import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { BoundaryCheck } from '../check.js';
import { finding, type Finding, type Rule } from '../finding.js';
import { TAG_RULES_FILE } from '../tag-rules.js';
import type { WorkspaceIndex } from '../workspace.js';
import { BOUNDARY_LINT_RULES } from './boundary-rule-names.js';

export const lintConfigRule: Rule = {
  id: 'lint-config',
  why: `The boundary rules are configured once, in the root eslint.config.mjs from ${TAG_RULES_FILE}, as errors with no allow-list: a package that overrides them, an allow entry or a weaker severity is an exemption nobody sees in review of the code it lets through.`,
  fix: `Remove the override or the entry; keep ${BOUNDARY_LINT_RULES.join(' and ')} at "error" in the root eslint.config.mjs only, with \`allow: []\`, \`checkDynamicDependenciesExceptions: []\` and \`depConstraints\` read from ${TAG_RULES_FILE}; change ${TAG_RULES_FILE} itself in a reviewed change if the architecture changed.`,
};

const ROOT_CONFIG = 'eslint.config.mjs';
const CONFIG_FILE = /^eslint\.config\.[cm]?[jt]s$/;
/** Options of @nx/enforce-module-boundaries that must be empty lists: each entry is an exemption. */
const MUST_BE_EMPTY = ['allow', 'checkDynamicDependenciesExceptions', 'ignoredCircularDependencies'];

/**
 * The ESLint configuration of the boundary rules: in the root config each boundary rule is set
 * once, to "error", with no allow-list and the tag rules from tools/tag-rules.json; no project's
 * own ESLint config mentions them; tools/tag-rules.json holds nothing but its constraints.
 */
export const lintConfigCheck: BoundaryCheck = {
  name: 'lint-config',
  rules: [lintConfigRule],
  run(index) {
    const root = index.workspace.root;
    if (!existsSync(path.join(root, ROOT_CONFIG))) return [];
    const guardRails = index.workspace.projects.has('@shop/tools') ? '@shop/tools' : undefined;
    const rootOwner = guardRails === undefined ? { project: 'workspace root', team: undefined, github: undefined } : index.ownerOf(guardRails);
    const findings: Finding[] = [];
    const report = (project: string, file: string, line: number, message: string, owner = index.ownerOf(project)) => findings.push(finding(lintConfigRule, { message, where: { project, file, line }, owner }));

    const rootText = readFileSync(path.join(root, ROOT_CONFIG), 'utf8');
    for (const problem of rootConfigProblems(rootText)) report(guardRails ?? 'workspace root', ROOT_CONFIG, problem.line, problem.message, rootOwner);
    for (const project of index.workspace.projects.values()) {
      for (const file of projectConfigFiles(index, project.root)) {
        const text = readFileSync(path.join(root, file), 'utf8');
        // Only a file naming a boundary rule can configure one: skip the parse for the rest.
        if (!BOUNDARY_LINT_RULES.some((rule) => text.includes(rule))) continue;
        for (const mention of ruleMentions(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true))) {
          report(project.name, file, mention.line, `${file} configures ${mention.rule} for ${project.name} alone; the boundary rules are set once, in the root ${ROOT_CONFIG}.`);
        }
      }
    }
    const tagRulesText = readFileSync(path.join(root, TAG_RULES_FILE), 'utf8');
    for (const key of Object.keys(JSON.parse(tagRulesText) as object)) {
      if (key === '$comment' || key === 'depConstraints') continue;
      const line = tagRulesText.split('\n').findIndex((l) => l.includes(`"${key}"`)) + 1;
      report(guardRails ?? 'workspace root', TAG_RULES_FILE, line, `${TAG_RULES_FILE} has "${key}" besides its depConstraints: an exemption from the tag rules.`, rootOwner);
    }
    return findings;
  },
};

function projectConfigFiles(index: WorkspaceIndex, projectRoot: string): string[] {
  if (projectRoot === '.') return [];
  const found: string[] = [];
  for (const name of ['eslint.config.mjs', 'eslint.config.js', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts']) {
    if (CONFIG_FILE.test(name) && existsSync(path.join(index.workspace.root, projectRoot, name))) found.push(`${projectRoot}/${name}`);
  }
  return found;
}

interface Mention {
  rule: string;
  line: number;
  /** The configured value: `['error', { … }]`, `'off'`, … */
  value: ts.Expression | undefined;
}

/** Every place a boundary rule's name appears as a string or a property name (a rules entry, a computed key, a variable). */
function ruleMentions(source: ts.SourceFile): Mention[] {
  const mentions: Mention[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) && (BOUNDARY_LINT_RULES as readonly string[]).includes(node.text)) {
      const assignment = ts.isPropertyAssignment(node.parent) && node.parent.name === node ? node.parent : undefined;
      mentions.push({ rule: node.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, value: assignment?.initializer });
    }
    node.forEachChild(visit);
  };
  visit(source);
  return mentions;
}

/** What is wrong with the root config's boundary rules: missing, set twice, not "error", non-empty allow-lists, inline tag rules. */
export function rootConfigProblems(text: string): { line: number; message: string }[] {
  const source = ts.createSourceFile(ROOT_CONFIG, text, ts.ScriptTarget.Latest, true);
  const problems: { line: number; message: string }[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const mentions = ruleMentions(source);
  for (const rule of BOUNDARY_LINT_RULES) {
    const mine = mentions.filter((m) => m.rule === rule);
    if (mine.length === 0) problems.push({ line: 1, message: `${ROOT_CONFIG} does not configure ${rule}.` });
    for (const extra of mine.slice(1)) problems.push({ line: extra.line, message: `${ROOT_CONFIG} configures ${rule} a second time (line ${extra.line}), overriding the first for the files it matches.` });
    const first = mine[0];
    if (first === undefined) continue;
    const value = first.value;
    const severity = value !== undefined && ts.isArrayLiteralExpression(value) ? value.elements[0] : value;
    const severityText = severity === undefined ? undefined : ts.isStringLiteralLike(severity) ? severity.text : ts.isNumericLiteral(severity) ? severity.text : undefined;
    if (severityText !== 'error' && severityText !== '2') problems.push({ line: first.line, message: `${rule} is set to ${severity === undefined ? 'nothing' : severity.getText(source)}, not "error".` });
    const options = value !== undefined && ts.isArrayLiteralExpression(value) ? value.elements[1] : undefined;
    if (options === undefined || !ts.isObjectLiteralExpression(options)) continue;
    for (const property of options.properties) {
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
      const name = property.name.getText(source).replace(/^['"]|['"]$/g, '');
      const initializer = ts.isPropertyAssignment(property) ? property.initializer : undefined;
      if (MUST_BE_EMPTY.includes(name) && !(initializer !== undefined && ts.isArrayLiteralExpression(initializer) && initializer.elements.length === 0)) {
        problems.push({ line: lineOf(property), message: `${rule} option ${name} is ${initializer?.getText(source) ?? name}: an allow-list must be empty.` });
      }
      if (name === 'depConstraints' && initializer !== undefined && ts.isArrayLiteralExpression(initializer)) {
        problems.push({ line: lineOf(property), message: `${rule} declares its depConstraints inline instead of reading ${TAG_RULES_FILE}, so lint and \`pnpm boundaries\` can disagree.` });
      }
    }
  }
  return problems;
}
