import { readFileSync } from 'node:fs';
import path from 'node:path';
import { breakingChanges, sameContract } from '../../event-contracts/compare-contracts.js';
import { CONTRACTS_FILE, publishedContracts, readSnapshot, type PublishedContract } from '../../event-contracts/event-contracts.js';
import type { BoundaryCheck } from '../check.js';
import { finding, type Rule } from '../finding.js';
import { tagValue, type Project, type WorkspaceIndex } from '../workspace.js';

export const eventContractBreakingRule: Rule = {
  id: 'event-contract-breaking',
  why: 'Subscribers, and every stored event a late subscriber will replay, were written against the recorded schema of this version: removing, retyping or narrowing a field, or requiring a new one, breaks them without a compile error anywhere.',
  fix: 'Keep the published version as it was and publish a new version beside it (`defineEvent({ ..., version: n + 1 })`, its own export); move the consumers listed, then stop publishing the old one. Then run `pnpm events:snapshot`.',
};

export const eventContractUnrecordedRule: Rule = {
  id: 'event-contract-unrecorded',
  why: "A module's event contracts are reviewed like code: the recorded snapshot is what every consumer may rely on, so a new version or a compatible change must appear in the pull request's diff.",
  fix: 'Run `pnpm events:snapshot` and commit the updated contracts/events.json of the module.',
};

/** Files of other projects that import `exportName` from the publisher's `./events` entry. */
function consumersOf(index: WorkspaceIndex, publisher: Project, exportName: string): string[] {
  const files = new Set<string>();
  for (const resolved of index.resolvedImports) {
    if (resolved.kind !== 'package' || resolved.target !== publisher || resolved.subpath !== './events') continue;
    const text = readFileSync(path.join(index.workspace.root, resolved.site.file), 'utf8');
    if (new RegExp(`\\b${exportName}\\b`).test(text)) files.add(`${resolved.site.project} (${resolved.site.file}:${resolved.site.line})`);
  }
  return [...files].sort();
}

/** Published event versions against each module's recorded contracts (contracts/events.json). */
export const eventContractsCheck: BoundaryCheck = {
  name: 'event-contracts',
  rules: [eventContractBreakingRule, eventContractUnrecordedRule],
  async run(index) {
    const findings = [];
    for (const project of index.workspace.projects.values()) {
      if (tagValue(project, 'type:') !== 'module') continue;
      const published = await publishedContracts(index.workspace.root, project.root);
      const recorded = readSnapshot(index.workspace.root, project.root).events;
      const at = (contract: PublishedContract) => ({ project: project.name, file: contract.file, line: contract.line });
      for (const contract of published) {
        const before = recorded[contract.name];
        if (before === undefined) {
          findings.push(finding(eventContractUnrecordedRule, { message: `${contract.name} is published but not recorded in ${project.root}/${CONTRACTS_FILE}.`, where: at(contract), owner: index.ownerOf(project.name) }));
          continue;
        }
        const breaks = breakingChanges(before, contract.schema);
        if (breaks.length > 0) {
          const consumers = consumersOf(index, project, contract.exportName);
          findings.push(
            finding(eventContractBreakingRule, {
              message: `${contract.name} changed incompatibly (${breaks.join('; ')}); publish version ${contract.version + 1} instead. Consumers of ${contract.name}: ${consumers.length > 0 ? consumers.join(', ') : 'none found by import'}.`,
              where: at(contract),
              owner: index.ownerOf(project.name),
            }),
          );
        } else if (!sameContract(before, contract.schema)) {
          findings.push(finding(eventContractUnrecordedRule, { message: `${contract.name} changed compatibly; the recorded contract in ${project.root}/${CONTRACTS_FILE} is stale.`, where: at(contract), owner: index.ownerOf(project.name) }));
        }
      }
      const stillPublished = new Set(published.map((c) => c.name));
      for (const name of Object.keys(recorded).filter((n) => !stillPublished.has(n))) {
        findings.push(
          finding(eventContractUnrecordedRule, {
            message: `${name} is recorded in ${project.root}/${CONTRACTS_FILE} but no longer published; if nobody consumes it any more, record that with \`pnpm events:snapshot\`.`,
            where: { project: project.name, file: `${project.root}/${CONTRACTS_FILE}`, line: 1 },
            owner: index.ownerOf(project.name),
          }),
        );
      }
    }
    return findings;
  },
};
