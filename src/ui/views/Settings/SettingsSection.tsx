/** One settings section: an h2 that can take focus, so #/settings?section=… can land on it. */
import type { ComponentChildren } from 'preact';

/** A titled section with id `settings-<id>`; its heading is `settings-<id>-title`. */
export function SettingsSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <section
      id={`settings-${id}`}
      class="settings-section"
      aria-labelledby={`settings-${id}-title`}
    >
      <h2 id={`settings-${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
