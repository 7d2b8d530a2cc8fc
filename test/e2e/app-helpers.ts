/** Shared steps for the app's end-to-end tests: typing into the terminal, screenshots, axe. */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export const SHOTS = 'test-results/screenshots';

/** Types one command line (multi-line heredocs included) into the terminal and runs it. */
export async function typeCommand(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'kubectl command' });
  await box.fill(text);
  await box.press('Enter');
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 160) })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The scenario every test builds on: two team rooms, a web Service, and a default-deny on team-b. */
export const SCENARIO = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Namespace
metadata:
  name: team-a
  labels: {team: a}
---
apiVersion: v1
kind: Namespace
metadata:
  name: team-b
  labels: {team: b}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: team-a, labels: {app: client}}
spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: team-b, labels: {app: web}}
spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: team-b}
spec: {selector: {app: web}, ports: [{port: 80}]}
EOF`;

export const DEFAULT_DENY = `kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: team-b}
spec: {podSelector: {}, policyTypes: [Ingress]}
EOF`;
