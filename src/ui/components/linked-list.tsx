/** What a card points at (a need's resources, a resource's needs): a label, then the names as tags. */
export function LinkedList({ class: className, label, names }: { class: string; label: string; names: readonly { id: string; name: string }[] }) {
  if (names.length === 0) return null;
  return (
    <div class={className}>
      <span class="muted">{label}:</span>
      <ul class="linked-list">
        {names.map((item) => <li key={item.id}>{item.name}</li>)}
      </ul>
    </div>
  );
}
