// The emblem area of a staff page's bar: a star on red, as on the hall's signs (the lookup
// terminal draws the same). A hall that has its own emblem puts it here.

export function Emblem(props: { class?: string }) {
  return (
    <svg class={props.class ?? 'emblem'} viewBox="0 0 100 100" aria-hidden="true">
      <circle cx="50" cy="50" r="48" fill="#c62828" stroke="#ffd54f" stroke-width="4" />
      <path d="M50 18l9.4 28.9h30.4L65.2 64.8l9.4 28.9L50 75.8 25.4 93.7l9.4-28.9L10.2 46.9h30.4z" fill="#ffd54f" />
    </svg>
  );
}
