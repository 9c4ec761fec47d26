/** One settings section: an h2 that can take focus, so #/settings?section=… can land on it. */
import type { ComponentChildren } from 'preact';
import { JumpSection } from '../../components/JumpSection';

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
    <JumpSection
      id={`settings-${id}`}
      headingId={`settings-${id}-title`}
      class="settings-section"
      title={title}
    >
      {children}
    </JumpSection>
  );
}
