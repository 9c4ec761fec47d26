/** A titled section whose h2 can take focus, so a link or a button can jump to it. */
import type { ComponentChildren } from 'preact';

/** A <section> labelled by its h2 (id `headingId`, focusable). */
export function JumpSection({
  headingId,
  title,
  class: className,
  id,
  children,
}: {
  headingId: string;
  title: string;
  class: string;
  /** The section's own id, when something addresses it. */
  id?: string;
  children: ComponentChildren;
}) {
  return (
    <section id={id} class={className} aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
