/**
 * The shell a candidate expects, in the real app: `k` and `alias`, `kubectl explain` with field
 * documentation (loaded on demand), `sh -c` expanding the container's variables, and switching
 * contexts — each answered in the terminal log.
 */
import { describe, expect, it } from 'vitest';
import { shot, sharedChromium, terminalLog, typeCommand } from './app-helpers.ts';
import { hasBrowser } from './harness.ts';

const CLIENT = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: Namespace
metadata: { name: data }
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: shop }
spec:
  containers:
    - name: app
      image: curlimages/curl
      env: [{ name: DB_HOST, value: db.data }]
---
apiVersion: v1
kind: Pod
metadata: { name: db, namespace: data, labels: { app: db } }
spec:
  containers: [{ name: postgres, image: postgres, ports: [{ containerPort: 5432 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: db, namespace: data }
spec: { selector: { app: db }, ports: [{ port: 5432 }] }
EOF`;

describe.skipIf(!hasBrowser)('the terminal as a candidate’s shell', () => {
  const chromium = sharedChromium();

  it('runs k, explain, sh -c with $VAR and config use-context', async () => {
    const { page } = await chromium.freshApp({ viewport: { width: 1280, height: 720 } });
    const log = terminalLog(page);
    await typeCommand(page, CLIENT);
    await expect.poll(() => log.innerText()).toContain('service/db created');
    await typeCommand(page, 'alias');
    await expect.poll(() => log.innerText()).toContain("alias k='kubectl'");
    await typeCommand(page, 'k explain networkpolicy.spec.ingress.from');
    await expect.poll(() => log.innerText()).toContain('FIELD: from <[]NetworkPolicyPeer>');
    const text = await log.innerText();
    expect(text).toMatch(/namespaceSelector\s+<LabelSelector>/);
    expect(text).not.toContain('--from NS/POD is required');
    await shot(page, 'shell-explain-1280');
    await typeCommand(page, "k exec -n shop client -- sh -c 'curl -sS -m 2 http://$DB_HOST:5432'");
    await expect.poll(() => log.innerText()).toContain('Hello from data/db');
    expect(await log.innerText()).not.toContain('Bad hostname');
    await typeCommand(page, 'k config set-context --current --namespace=shop');
    await typeCommand(page, 'k get pods');
    await expect.poll(() => log.innerText()).toMatch(/client\s+1\/1\s+Running/);
    await shot(page, 'shell-1280');
  });
});
