import { useMemo } from 'react';
import { createCluster, listObjects } from '../../engine/index.ts';

/** Placeholder shell: the default cluster's namespaces as text. */
export function App() {
  const namespaces = useMemo(
    () => listObjects(createCluster(), 'Namespace').map((n) => n.metadata.name),
    [],
  );
  return (
    <main>
      <h1>Namespace Lab</h1>
      <section aria-label="Namespaces">
        <ul>
          {namespaces.map((n) => (
            <li key={n}>Namespace {n}</li>
          ))}
        </ul>
      </section>
    </main>
  );
}
