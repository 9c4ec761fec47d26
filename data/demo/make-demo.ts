/**
 * Writes data/demo/planb-demo.xml, the invented demo conference, in Pentabarf XML (the shape of
 * FOSDEM 2020's file). The talks below are hand-written and fictional: no real speakers, no real
 * talks, links only to example.org / example.com. Run: npx tsx data/demo/make-demo.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Link = [href: string, title: string];
interface DemoTalk {
  start: string;
  duration?: string;
  slug: string;
  title: string;
  persons: string[];
  abstract: string;
  links?: Link[];
}
interface Block {
  day: 1 | 2;
  room: string;
  track: string;
  type: string;
  talks: DemoTalk[];
}

const slides = (slug: string): Link => [`https://slides.example.org/2027/${slug}.pdf`, 'Slides'];
const video = (slug: string): Link => [
  `https://video.example.org/2027/${slug}.webm`,
  'Video recording (WebM)',
];
const code = (text: string) => `<pre><code>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code></pre>`;

const BLOCKS: Block[] = [
  {
    day: 1,
    room: 'Janson',
    track: 'Keynotes',
    type: 'keynote',
    talks: [
      { start: '09:30', slug: 'keynote_welcome', title: 'Welcome to the Plan B Demo Conference', persons: ['Demo Organizing Team'], abstract: '<p>Opening words: where the buildings are, what happens when a room is full and its doors close, and why every talk you want to see deserves a plan B.</p>', links: [video('keynote_welcome')] },
      { start: '10:00', duration: '00:50', slug: 'keynote_network_fails', title: 'The network will fail exactly when you need it', persons: ['Mirela Ostrowska'], abstract: '<p>Eight thousand phones in one lecture hall make every access point cry. This keynote walks through designing software that keeps working offline and syncs when it can, with examples from field research tools and conference apps.</p>', links: [slides('keynote_network_fails'), video('keynote_network_fails')] },
      { start: '11:00', duration: '00:50', slug: 'keynote_volunteers', title: 'Volunteers, queues and closed doors: running a free conference at scale', persons: ['Tomasz Verbeke'], abstract: '<p>What it takes to run a free, volunteer-run event for thousands of people: room monitors, video teams, and the art of saying "this room is full" kindly.</p>' },
      { start: '16:00', duration: '00:50', slug: 'keynote_outlive_maintainers', title: 'Software that outlives its maintainers', persons: ['Ingrid Halvorsen'], abstract: '<p>Most of the code we depend on will be maintained by someone who has not started programming yet. How do we write documentation, tests and governance for them?</p>', links: [slides('keynote_outlive_maintainers')] },
      { start: '17:00', duration: '00:50', slug: 'keynote_open_hardware', title: 'Open hardware for everyone, a progress report', persons: ['Kofi Mensah-Laurent'], abstract: '<p>Open schematics, open firmware, open fabs? A tour of what is possible today for a hobbyist, a school and a small company, and what is still missing.</p>' },
    ],
  },
  {
    day: 1,
    room: 'UB2.252A (Lameere)',
    track: 'Containers',
    type: 'devroom',
    talks: [
      { start: '10:30', slug: 'containers_rootless_practice', title: 'Rootless containers in practice', persons: ['Lucía Ferraz'], abstract: `<p>Running containers as an ordinary user is no longer exotic. We look at user namespaces, storage drivers and the few things that still need care.</p>${code('podman run --rm -it --userns=keep-id alpine id')}<p>Examples are on <a href="https://example.org/rootless-demo">the demo repository</a>.</p>`, links: [slides('containers_rootless_practice')] },
      { start: '11:00', slug: 'containers_pods_no_daemon', title: 'Pods without a daemon: from compose files to pod specs', persons: ['Henrik Dalby'], abstract: `<p>Group containers into a pod, export it as a Kubernetes-style spec and play it back elsewhere, all without a daemon.</p>${code('podman pod create --name web\npodman generate kube web > web.yml\npodman play kube web.yml')}` },
      { start: '11:30', slug: 'containers_lazy_pulling', title: 'Lazy-pulling container images over a slow network', persons: ['Aiko Tanabe'], abstract: '<p>Why wait for a 2 GB image when the process needs 40 MB of it? Seekable image formats fetch files on demand; this talk measures start-up times on a congested conference network.</p>' },
      { start: '12:00', slug: 'containers_live_migration', title: 'Live-migrating containers with checkpoint and restore', persons: ['Pieter Claes'], abstract: '<p>Checkpoint a running container, copy its state to another host and restore it with its TCP connections intact. Live demo included, network permitting.</p>', links: [slides('containers_live_migration')] },
      { start: '12:30', slug: 'containers_runtime_inside', title: 'What a container runtime actually does', persons: ['Nadia Benali'], abstract: '<p>Below the orchestrator and the engine sits a small program that sets up namespaces, cgroups and mounts. We write a toy one in a few hundred lines.</p>' },
      { start: '13:00', slug: 'containers_ebpf_tracing', title: 'Tracing containers with eBPF', persons: ['Rafael Quintero'], abstract: '<p>Which container opened that file, and why is it slow? Attaching eBPF programs to container workloads without restarting them.</p>' },
      { start: '13:30', slug: 'containers_immutable_deploys', title: 'Immutable deployments with image-based updates', persons: ['Sofie Lindqvist'], abstract: '<p>Ship the whole operating system as an image, update atomically, roll back with one reboot. Lessons from three years of running it on a fleet of small servers.</p>' },
      { start: '14:00', slug: 'containers_minimal_images', title: 'Building minimal images without a Dockerfile', persons: ['Jonas Wirtz'], abstract: `<p>Scripted image builds give you exactly the files you asked for and nothing else.</p>${code('ctr=$(buildah from scratch)\nbuildah copy $ctr ./app /app\nbuildah commit $ctr demo/app:1.0')}` },
      { start: '14:30', slug: 'containers_networking_hurry', title: 'Container networking for people in a hurry', persons: ['Marta Kowalczyk'], abstract: '<p>Bridges, veth pairs, port forwarding and DNS inside a pod, explained with one diagram per minute.</p>' },
      { start: '15:00', slug: 'containers_k8s_edge', title: 'Kubernetes at the edge on a single-board computer', persons: ['Elif Aydın'], abstract: '<p>A lightweight Kubernetes distribution on a board that fits in a pocket, managing sensors in a greenhouse. What works, what overheats.</p>' },
    ],
  },
  {
    day: 1,
    room: 'H.1308 (Rolin)',
    track: 'Security',
    type: 'devroom',
    talks: [
      { start: '10:30', slug: 'security_threat_model_app', title: 'Threat modelling a conference app', persons: ['Oskar Brandt'], abstract: '<p>Crowd reports, anonymous devices, a relay server anyone can reach: a step-by-step threat model of a small app, and the cheap mitigations that matter.</p>' },
      { start: '11:00', slug: 'security_selinux_containers', title: 'Confining containers with generated SELinux policies', persons: ['Veronika Horak'], abstract: `<p>Generic container policies are either too loose or too strict. Generate a policy from what the container actually needs, then load it.</p>${code('podman inspect mycontainer | policygen > mycontainer.cil\nsemodule -i mycontainer.cil')}`, links: [slides('security_selinux_containers')] },
      { start: '11:30', slug: 'security_delegating_root', title: 'Delegating root without handing out root', persons: ['Arjun Menon'], abstract: '<p>Fine-grained privilege delegation, session recording and central policy for administrators who share servers.</p>' },
      { start: '12:00', slug: 'security_reproducible_builds', title: 'Reproducible builds as a supply-chain defence', persons: ['Clara Moreau'], abstract: '<p>If two independent builders get the same bits, a compromised build server cannot hide. Where reproducibility stands across distributions and language ecosystems.</p>' },
      { start: '12:30', slug: 'security_short_lived_keys', title: 'Signing release artifacts with short-lived keys', persons: ['Tobias Engel'], abstract: '<p>Keyless signing ties a signature to an identity and a transparency log instead of a long-lived secret. A practical setup for a small project.</p>' },
      { start: '13:00', slug: 'security_fuzzing_parsers', title: 'Fuzzing parsers you did not write', persons: ['Ines Carvalho'], abstract: '<p>Your application parses XML, ICS and JSON from strangers. Coverage-guided fuzzing of third-party parsers found three crashes in a week; here is the harness.</p>' },
      { start: '13:30', slug: 'security_ci_secrets', title: 'Secrets in CI: what leaks and how', persons: ['Dmitri Sokolan'], abstract: '<p>Build logs, caches, pull requests from forks: a catalogue of the ways CI pipelines leak credentials, and configuration that prevents each one.</p>' },
      { start: '14:00', slug: 'security_hardware_keys', title: 'Hardware security keys for the whole team', persons: ['Hanna Mäkelä'], abstract: '<p>Rolling out hardware keys for SSH, commit signing and web logins to a distributed volunteer team, including what to do when someone loses one.</p>' },
    ],
  },
  {
    day: 1,
    room: 'AW1.120',
    track: 'Collaborative Applications',
    type: 'devroom',
    talks: [
      { start: '11:00', slug: 'collab_crdt_coediting', title: 'Real-time co-editing with CRDTs', persons: ['Lars Eriksen'], abstract: '<p>Conflict-free replicated data types let two people type in the same paragraph offline and merge later. How they work, and what they cost in memory.</p>' },
      { start: '11:30', slug: 'collab_school_office', title: 'A self-hosted office suite for a school district', persons: ['Beatriz Salgado'], abstract: '<p>Forty schools, twelve thousand accounts, one small IT team. Migrating a school district to a self-hosted office and file-sharing suite.</p>' },
      { start: '12:00', slug: 'collab_caldav_2027', title: 'Calendars that sync: CalDAV today', persons: ['Yusuf Demir'], abstract: '<p>Recurring events, time zones and invitations across clients: the parts of the calendar standards everyone gets wrong.</p>' },
      { start: '12:30', slug: 'collab_sync_conflicts', title: 'File sync conflicts, explained', persons: ['Greta Vogel'], abstract: '<p>Two laptops, one file, no network. What sync clients do, what they should do, and how to show a conflict to a person who just wants their document back.</p>' },
      { start: '13:00', slug: 'collab_accessible_editors', title: 'Accessible collaborative editors', persons: ['Samuel Okafor'], abstract: '<p>Live cursors and presence indicators are hard to follow with a screen reader. Patterns that make real-time collaboration accessible.</p>' },
      { start: '14:00', slug: 'collab_office_suite_part1', title: 'Self-hosting a collaborative office suite, part 1: the setup', persons: ['Noémie Dubois'], abstract: '<p>From an empty server to shared documents in an hour. Part 2 follows right after in building K (monitoring track): hurry, it is a long walk.</p>', links: [slides('collab_office_suite_part1')] },
    ],
  },
  {
    day: 1,
    room: 'K.3.401',
    track: 'Monitoring and Observability',
    type: 'devroom',
    talks: [
      { start: '13:00', slug: 'monitoring_k8s_budget', title: 'Kubernetes cluster observability on a budget', persons: ['Paulo Mendes'], abstract: '<p>Metrics, logs and traces for a small cluster without a big bill: what to collect, what to drop, and how long to keep it.</p>' },
      { start: '13:30', slug: 'monitoring_spike_to_log', title: 'From a metric spike to the log line in one click', persons: ['Julia Sandberg'], abstract: '<p>Label your metrics and logs the same way and the jump from "something is wrong" to "this is the request" becomes one click.</p>' },
      { start: '14:30', slug: 'monitoring_office_suite_part2', title: 'Self-hosting a collaborative office suite, part 2: monitoring it', persons: ['Noémie Dubois'], abstract: '<p>Continues part 1 (building AW, just before): dashboards, alerts and the three metrics that predicted every outage of our office suite.</p>' },
      { start: '15:00', slug: 'monitoring_alert_fatigue', title: 'Alerting without alert fatigue', persons: ['Mateo Rossi'], abstract: '<p>Page a human only when a human must act. Turning two hundred noisy alerts into eleven useful ones.</p>' },
      { start: '15:30', slug: 'monitoring_batch_tracing', title: 'Distributed tracing for batch jobs', persons: ['Amira Haddad'], abstract: '<p>Tracing is usually shown for web requests. Applying it to nightly batch pipelines that fan out into thousands of tasks.</p>' },
      { start: '16:00', slug: 'monitoring_slo_volunteers', title: 'SLOs for volunteer-run services', persons: ['Viktor Nilsen'], abstract: '<p>Service level objectives when nobody is on call: choosing targets a community can actually keep.</p>' },
    ],
  },
  {
    day: 1,
    room: 'K.1.105 (Demo Hall)',
    track: 'Lightning Talks',
    type: 'lightningtalk',
    talks: [
      { start: '12:00', duration: '00:15', slug: 'lightning_status_page', title: 'A tiny status page in 200 lines', persons: ['Chloé Marchand'], abstract: '<p>A static status page that updates itself from a cron job. No database, no framework.</p>' },
      { start: '12:20', duration: '00:15', slug: 'lightning_package_repo', title: 'Ten years of a one-person package repository', persons: ['Bram de Wit'], abstract: '<p>What a decade of packaging niche software for a handful of users taught me about maintenance.</p>' },
      { start: '12:40', duration: '00:15', slug: 'lightning_campus_map', title: 'Mapping a campus with open data', persons: ['Sara Lindahl'], abstract: '<p>Indoor maps of a university campus, drawn by volunteers over two weekends. See <a href="https://maps.example.org/campus">the result</a>.</p>' },
      { start: '13:00', duration: '00:15', slug: 'lightning_terminal_schedule', title: 'Writing a terminal schedule viewer', persons: ['Kenji Morita'], abstract: `<p>Browse a conference schedule from the terminal, offline.</p>${code('schedview --day sat --track containers')}` },
      { start: '13:20', duration: '00:15', slug: 'lightning_glossary', title: 'Translating docs with a community glossary', persons: ['Olga Petrenko'], abstract: '<p>A shared glossary kept translations of a large project consistent across nine languages.</p>' },
    ],
  },
  {
    day: 2,
    room: 'UB2.252A (Lameere)',
    track: 'Containers',
    type: 'devroom',
    talks: [
      { start: '10:00', slug: 'containers_microvm_sandbox', title: 'Sandboxed containers with microVMs', persons: ['Hugo Lambert'], abstract: '<p>A lightweight virtual machine per container: stronger isolation at a start-up cost we measure.</p>' },
      { start: '10:30', slug: 'containers_immutable_hosts', title: 'Immutable hosts for container workloads', persons: ['Sofie Lindqvist'], abstract: '<p>A minimal, read-only host that does nothing but run containers, and updates itself safely.</p>' },
      { start: '11:00', slug: 'containers_debug_wont_start', title: 'Debugging a container that will not start', persons: ['Nadia Benali'], abstract: '<p>Exit code 127, a missing library, a wrong user: a checklist for containers that die before they log anything.</p>' },
      { start: '11:30', slug: 'containers_rootless_ci', title: 'Rootless builds in CI', persons: ['Jonas Wirtz'], abstract: '<p>Building images in CI without privileged runners or a socket mounted from the host.</p>' },
    ],
  },
  {
    day: 2,
    room: 'AW1.126',
    track: 'Infrastructure as Code',
    type: 'devroom',
    talks: [
      { start: '10:30', slug: 'iac_declarative_images', title: 'Immutable infrastructure with declarative system images', persons: ['Ruben Castillo'], abstract: '<p>Describe a whole machine in one file, build it reproducibly and never log in to change it again.</p>' },
      { start: '11:00', slug: 'iac_testing_infra', title: 'Testing infrastructure code before it touches production', persons: ['Freya Olsen'], abstract: '<p>Unit tests, throwaway VMs and plan reviews for infrastructure code.</p>' },
      { start: '11:30', slug: 'iac_drift_detection', title: 'Drift detection for hand-edited servers', persons: ['Mikael Strand'], abstract: '<p>Someone edited a config file on the server at 3 a.m. Finding and reconciling the drift.</p>' },
      { start: '12:00', slug: 'iac_conference_network', title: 'Provisioning a conference network in one afternoon', persons: ['Tomasz Verbeke'], abstract: '<p>Switches, access points and DHCP for a campus, all from a repository, set up on the day before the event.</p>' },
      { start: '12:30', slug: 'iac_policy_small_teams', title: 'Policy as code for small teams', persons: ['Leila Moradi'], abstract: '<p>Write the rules ("no public buckets") as code and check every change against them.</p>' },
      { start: '13:00', slug: 'iac_gitops_no_hype', title: 'GitOps without the hype', persons: ['Anton Weber'], abstract: '<p>A repository as the source of truth, a reconciler, and nothing else.</p>' },
    ],
  },
  {
    day: 2,
    room: 'UD2.208 (Decroly)',
    track: 'Decentralized Internet and Privacy',
    type: 'devroom',
    talks: [
      { start: '10:00', slug: 'decentral_encrypt_suspend', title: 'Encrypting your disk on suspend', persons: ['Mia Johansen'], abstract: '<p>Full-disk encryption protects a laptop that is off, not one that is asleep. Wiping keys from memory on suspend.</p>' },
      { start: '10:30', slug: 'decentral_identity_home', title: 'A personal identity server at home', persons: ['Diego Almeida'], abstract: '<p>Hosting your own identity, contacts and keys on a small box at home, reachable from anywhere.</p>' },
      { start: '11:00', slug: 'decentral_name_resolution', title: 'Decentralized name resolution for people', persons: ['Karin Hoffmann'], abstract: '<p>Human-readable names without a central registry: trade-offs between petnames, ledgers and the DNS.</p>' },
      { start: '11:30', slug: 'decentral_p2p_no_servers', title: 'Peer-to-peer networking without servers', persons: ['Emeka Obi'], abstract: '<p>NAT traversal, distributed hash tables and relays of last resort, explained from the packet up.</p>' },
      { start: '12:00', slug: 'decentral_p2p_sensors', title: 'Peer-to-peer sensor networks', persons: ['Lina Aziz'], abstract: '<p>Sensors that talk to each other instead of to a cloud: a field test across a village.</p>' },
      { start: '12:30', slug: 'decentral_p2p_datasets', title: 'Sharing datasets over peer-to-peer protocols', persons: ['Jakub Novak'], abstract: '<p>Versioned, content-addressed datasets shared between research groups without a central server.</p>' },
      { start: '13:00', slug: 'decentral_onion_routing', title: 'Onion routing for beginners', persons: ['Astrid Berg'], abstract: '<p>How onion routing hides who talks to whom, what it cannot hide, and how to run a relay.</p>' },
      { start: '13:30', slug: 'decentral_push_no_provider', title: 'Push notifications without a central provider', persons: ['Matthieu Girard'], abstract: '<p>Mobile push usually goes through one company. An open push protocol with self-hosted distributors.</p>' },
      { start: '14:00', slug: 'decentral_p2p_chat_browser', title: 'Peer-to-peer chat in a browser tab', persons: ['Priya Raman'], abstract: '<p>A federated chat client that runs its own server inside the browser. Demo on the conference network, if it holds up.</p>' },
      { start: '14:30', slug: 'decentral_e2ee_groups', title: 'End-to-end encryption in group messaging', persons: ['Wouter Jacobs'], abstract: '<p>Adding and removing members of an encrypted group is where protocols differ. A comparison of current designs.</p>', links: [slides('decentral_e2ee_groups')] },
    ],
  },
  {
    day: 2,
    room: 'H.2215 (Ferrer)',
    track: 'Databases',
    type: 'devroom',
    talks: [
      { start: '10:30', slug: 'db_indexes_pictures', title: 'Indexes explained with pictures', persons: ['Fatima Idrissi'], abstract: '<p>B-trees, hash indexes and inverted indexes drawn on one slide each.</p>' },
      { start: '11:00', slug: 'db_sharding_tears', title: 'CANCELLED Sharding without tears', persons: ['Gustav Lund'], abstract: '<p>This talk is cancelled: the speaker cannot attend. The room stays open for the next talk.</p>' },
      { start: '11:30', slug: 'db_embedded_phones', title: 'Embedded databases on phones', persons: ['Ana Petrović'], abstract: '<p>Storage limits, eviction and migrations for databases that live inside a mobile browser or app.</p>' },
      { start: '12:00', slug: 'db_timeseries_metrics', title: 'Time-series storage for metrics that never stop', persons: ['Paulo Mendes'], abstract: '<p>Compression, downsampling and retention for millions of samples per second.</p>' },
      { start: '12:30', slug: 'db_zero_downtime_migrations', title: 'Migrating schemas with zero downtime', persons: ['Isabel Navarro'], abstract: `<p>Expand, migrate, contract: changing a busy table without locking it.</p>${code('ALTER TABLE talks ADD COLUMN guid text;\n-- backfill in batches, then switch reads')}` },
      { start: '13:00', slug: 'db_offline_sync', title: 'Offline-first sync with a local database', persons: ['Mirela Ostrowska'], abstract: '<p>A local database as the source of truth on the device, synced when the network returns.</p>' },
      { start: '13:30', slug: 'db_query_plans', title: 'Query plans for people who hate query plans', persons: ['Felix Braun'], abstract: '<p>Reading an execution plan top-down and finding the one line that matters.</p>' },
      { start: '14:00', slug: 'db_restored_backups', title: 'Backups you have actually restored', persons: ['Rosa Vermeulen'], abstract: '<p>A backup is a hope until you restore it. Automating restore tests every night.</p>' },
    ],
  },
  {
    day: 2,
    room: 'K.3.401',
    track: 'Monitoring and Observability',
    type: 'devroom',
    talks: [
      { start: '11:00', slug: 'monitoring_metrics_logs_traces', title: 'Linking metrics, logs and traces in one dashboard', persons: ['Julia Sandberg'], abstract: '<p>From a latency graph to the slow trace to its logs without copying an id by hand.</p>', links: [slides('monitoring_metrics_logs_traces')] },
      { start: '11:30', slug: 'monitoring_log_pipelines', title: 'Log pipelines that survive a traffic spike', persons: ['Omar Farouk'], abstract: '<p>Back-pressure, buffering and sampling in log shipping.</p>' },
      { start: '12:00', slug: 'monitoring_wifi_8000', title: 'Monitoring a Wi-Fi network for eight thousand people', persons: ['Eva Horvath'], abstract: '<p>Per-room client counts, channel usage and the dashboard the network team watched all weekend.</p>' },
      { start: '12:30', slug: 'monitoring_continuous_profiling', title: 'Profiling in production, continuously', persons: ['Stefan Ilić'], abstract: '<p>Always-on, low-overhead profiling and what it found that metrics did not.</p>' },
    ],
  },
  {
    day: 2,
    room: 'Janson',
    track: 'Keynotes',
    type: 'keynote',
    talks: [
      { start: '16:00', duration: '00:50', slug: 'keynote_public_admin', title: 'The state of open source in public administrations', persons: ['Margarida Sousa'], abstract: '<p>Public money, public code: what changed in the last five years and what did not.</p>', links: [video('keynote_public_admin')] },
      { start: '17:00', duration: '00:25', slug: 'keynote_closing', title: 'Closing: see you next year', persons: ['Demo Organizing Team'], abstract: '<p>Thanks to the volunteers, lost and found, and the date of the next edition.</p>', links: [video('keynote_closing')] },
    ],
  },
];

const DATES = { 1: '2027-02-06', 2: '2027-02-07' } as const;

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function render(): string {
  const personIds = new Map<string, number>();
  let eventId = 27001;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Invented demo conference for Plan B: fictional talks and people. Generated by data/demo/make-demo.ts. -->',
    '<schedule>',
    '  <conference>',
    '    <title>Plan B Demo Conference 2027</title>',
    '    <subtitle>An invented conference for demos and tests</subtitle>',
    '    <venue>ULB Solbosch</venue>',
    '    <city>Brussels</city>',
    `    <start>${DATES[1]}</start>`,
    `    <end>${DATES[2]}</end>`,
    '    <days>2</days>',
    '    <day_change>09:00:00</day_change>',
    '    <timeslot_duration>00:05:00</timeslot_duration>',
    '    <time_zone_name>Europe/Brussels</time_zone_name>',
    '  </conference>',
  ];
  for (const day of [1, 2] as const) {
    out.push(`  <day index="${day}" date="${DATES[day]}">`);
    for (const block of BLOCKS.filter((b) => b.day === day)) {
      out.push(`    <room name="${esc(block.room)}">`);
      for (const t of [...block.talks].sort((a, b) => a.start.localeCompare(b.start))) {
        out.push(`      <event id="${eventId++}">`);
        out.push(`        <start>${t.start}</start>`);
        out.push(`        <duration>${t.duration ?? '00:25'}</duration>`);
        out.push(`        <room>${esc(block.room)}</room>`);
        out.push(`        <slug>${t.slug}</slug>`);
        out.push(`        <title>${esc(t.title)}</title>`);
        out.push('        <subtitle/>');
        out.push(`        <track>${esc(block.track)}</track>`);
        out.push(`        <type>${block.type}</type>`);
        out.push('        <language>en</language>');
        out.push(`        <abstract>${esc(t.abstract)}</abstract>`);
        out.push('        <description/>');
        out.push('        <persons>');
        for (const name of t.persons) {
          if (!personIds.has(name)) personIds.set(name, 9001 + personIds.size);
          out.push(`          <person id="${personIds.get(name)}">${esc(name)}</person>`);
        }
        out.push('        </persons>');
        out.push('        <attachments/>');
        if (t.links?.length) {
          out.push('        <links>');
          for (const [href, title] of t.links)
            out.push(`          <link href="${esc(href)}">${esc(title)}</link>`);
          out.push('        </links>');
        } else out.push('        <links/>');
        out.push('      </event>');
      }
      out.push('    </room>');
    }
    out.push('  </day>');
  }
  out.push('</schedule>', '');
  return out.join('\n');
}

const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(resolve(here, 'planb-demo.xml'), render());
