/**
 * Settings: the schedule (what is loaded, load another, check for updates), reminders, time
 * travel, storage and about. Renders before any schedule exists, since this is where the first one can be loaded.
 * `#/settings?section=clock` (the clock badge's link) scrolls to that section and focuses its
 * heading.
 */
import { useEffect } from 'preact/hooks';
import { href, route } from '../../router';
import { AboutSection } from './AboutSection';
import { HomeScreenSection } from './HomeScreenSection';
import { RemindersSection } from './RemindersSection';
import { ScheduleSection } from './ScheduleSection';
import { StorageSection } from './StorageSection';
import { TimeTravel } from './TimeTravel';
import './settings.css';

const SECTIONS = [
  { id: 'schedule', label: 'Schedule' },
  { id: 'reminders', label: 'Reminders' },
  { id: 'clock', label: 'Time travel' },
  { id: 'storage', label: 'Storage' },
  { id: 'home-screen', label: 'Home screen' },
  { id: 'about', label: 'About' },
] as const;

/** Brings a section into view and moves focus to its heading. */
function showSection(id: string): void {
  const section = document.getElementById(`settings-${id}`);
  if (!section) return;
  section.scrollIntoView?.({ block: 'start' });
  document.getElementById(`settings-${id}-title`)?.focus({ preventScroll: true });
}

/** The Settings view. */
export default function Settings() {
  const section = route.value.params.get('section');
  useEffect(() => {
    if (!section) return;
    // After the shell has scrolled to the top and focused <main> for the new route.
    const timer = setTimeout(() => showSection(section), 0);
    return () => clearTimeout(timer);
  }, [section]);
  return (
    <div class="settings">
      <h1>Settings</h1>
      <nav aria-label="Settings sections">
        <ul class="tabs settings-toc plain-list">
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a
                href={href(['settings'], { section: s.id })}
                aria-current={section === s.id ? 'location' : undefined}
                onClick={() => {
                  // Same link twice: the hash does not change, so scroll here.
                  if (section === s.id) showSection(s.id);
                }}
              >
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ScheduleSection />
      <RemindersSection />
      <TimeTravel />
      <StorageSection />
      <HomeScreenSection />
      <AboutSection />
    </div>
  );
}
