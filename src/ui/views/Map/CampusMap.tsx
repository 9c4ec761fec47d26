/**
 * The campus drawn as inline SVG from the venue file: one labelled footprint per building given
 * (those with talks in this schedule) at its x/y, a north arrow and a scale bar derived from the buildings' lat/lon. Each building is a link
 * with a spoken name ("Building K: 4 talks now, 6 rooms"); buildings with talks on now are
 * emphasised by colour AND by the text "2 talks now", never by colour alone.
 */
import type { Venue } from '../../../domain/venue';
import {
  type BuildingSummary,
  buildingAccessibleName,
  buildingStatus,
  mapGeometry,
  scaleBarMetres,
} from './map-model';

const BOX_H = 40;
const BOX_MIN_W = 72;
const BOX_MAX_W = 110;

/** The SVG campus map; `onSelect` is called when a building is activated. */
export function CampusMap({
  venue,
  buildings,
  selected,
  hrefFor,
  onSelect,
}: {
  venue: Venue;
  buildings: BuildingSummary[];
  selected: string | undefined;
  hrefFor: (buildingId: string) => string;
  onSelect: (buildingId: string) => void;
}) {
  const { width, height } = venue.map;
  const geometry = mapGeometry(venue);
  return (
    // biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; role="group" names the set of building links.
    <svg
      class="campus-map"
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={`Campus map of ${venue.name}, north up. Each building is a link to its rooms.`}
    >
      <rect class="campus-ground" x="1" y="1" width={width - 2} height={height - 2} rx="14" />
      <NorthArrow degrees={geometry.northDegrees} />
      {geometry.metresPerUnit !== undefined && (
        <ScaleBar metresPerUnit={geometry.metresPerUnit} width={width} height={height} />
      )}
      {buildings.map((summary) => (
        <BuildingShape
          key={summary.building.id}
          summary={summary}
          mapWidth={width}
          mapHeight={height}
          selected={summary.building.id === selected}
          href={hrefFor(summary.building.id)}
          onSelect={onSelect}
        />
      ))}
    </svg>
  );
}

function BuildingShape({
  summary,
  mapWidth,
  mapHeight,
  selected,
  href,
  onSelect,
}: {
  summary: BuildingSummary;
  mapWidth: number;
  mapHeight: number;
  selected: boolean;
  href: string;
  onSelect: (buildingId: string) => void;
}) {
  const { building, label, talksNow } = summary;
  const status = buildingStatus(summary);
  // Wide enough for the longer line (15 px bold label, 11 px status, bold when busy).
  const w = Math.min(
    BOX_MAX_W,
    Math.max(
      BOX_MIN_W,
      Math.round(label.length * 9.2 + 14),
      Math.round(status.length * (talksNow > 0 ? 6.3 : 5.9) + 12),
    ),
  );
  const x = clamp(building.x - w / 2, 2, mapWidth - w - 2);
  const y = clamp(building.y - BOX_H / 2, 2, mapHeight - BOX_H - 2);
  const state = talksNow > 0 ? 'busy' : 'quiet';
  return (
    <a
      class={`campus-building campus-${state}${selected ? ' campus-selected' : ''}`}
      href={href}
      aria-label={buildingAccessibleName(summary)}
      aria-current={selected ? 'true' : undefined}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        onSelect(building.id);
      }}
    >
      {selected && (
        <rect
          class="campus-selection"
          x={x - 5}
          y={y - 5}
          width={w + 10}
          height={BOX_H + 10}
          rx="11"
        />
      )}
      <rect class="campus-shape" x={x} y={y} width={w} height={BOX_H} rx="7" />
      <text class="campus-label" x={x + w / 2} y={y + 18} text-anchor="middle">
        {label}
      </text>
      {/* A space between the two lines, so their text reads "K no talks now", not "Kno talks now". */}{' '}
      <text class="campus-status" x={x + w / 2} y={y + 33} text-anchor="middle">
        {status}
      </text>
    </a>
  );
}

function NorthArrow({ degrees }: { degrees: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; the arrow is decoration (the map's name says "north up").
    <g class="campus-north" aria-hidden="true" transform={`translate(22 30) rotate(${degrees})`}>
      <path d="M0 -18 L7 6 L0 1 L-7 6 Z" />
      <text x="0" y="20" text-anchor="middle">
        N
      </text>
    </g>
  );
}

function ScaleBar({
  metresPerUnit,
  width,
  height,
}: {
  metresPerUnit: number;
  width: number;
  height: number;
}) {
  const metres = scaleBarMetres(metresPerUnit, width * 0.4);
  const length = metres / metresPerUnit;
  const x2 = width - 14;
  const x1 = x2 - length;
  const y = height - 14;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; the scale is visual only.
    <g class="campus-scale" aria-hidden="true">
      <path d={`M${x1} ${y - 5} V${y} H${x2} V${y - 5}`} />
      <text x={(x1 + x2) / 2} y={y - 8} text-anchor="middle">
        {metres} m
      </text>
    </g>
  );
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(Math.max(v, min), Math.max(min, max));
}
