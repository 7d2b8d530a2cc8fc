/** Placeholder replaced below. */
export default function Editor({ seed }: { seed: number }) {
  return <p>Editor {seed}</p>;
}
