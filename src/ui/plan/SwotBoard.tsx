import type { ComponentChildren } from 'preact';
import { SWOT_QUADRANTS, type SwotQuadrant } from '../../../protocol';
import { t, tLabel, type MessageKey } from '../../i18n';
import type { SaveFailure } from '../save-error';
import { SwotItemRow, type SwotItemValues } from './SwotItemRow';
import { SwotQuickAdd } from './SwotQuickAdd';
import { WorkshopSelect } from './WorkshopSelect';

export interface SwotBoardItem extends SwotItemValues {
  id: string;
}

export interface SwotBoardProps {
  groups: Record<SwotQuadrant, readonly SwotBoardItem[]>;
  workshops: readonly { id: string; title: string }[];
  /** The workshop new items are noted from; '' for none. */
  sourceWorkshopId: string;
  onSourceWorkshop: (workshopId: string) => void;
  onAdd: (quadrant: SwotQuadrant, text: string) => Promise<SaveFailure | null>;
  onSave: (item: SwotBoardItem, values: SwotItemValues) => Promise<SaveFailure | null>;
  onDelete: (item: SwotBoardItem) => void;
  /** Each point's photos (the screen places a PhotoStrip). */
  renderPhotos?: (item: SwotBoardItem) => ComponentChildren;
}

const HINTS: Record<SwotQuadrant, MessageKey> = {
  strengths: 'swotBoard.hint.strengths',
  weaknesses: 'swotBoard.hint.weaknesses',
  opportunities: 'swotBoard.hint.opportunities',
  threats: 'swotBoard.hint.threats',
};

/** The four quadrants, each with its points and a line to add one more. */
export function SwotBoard({ groups, workshops, sourceWorkshopId, onSourceWorkshop, onAdd, onSave, onDelete, renderPhotos }: SwotBoardProps) {
  return (
    <>
      <p class="muted">{t('swotBoard.intro')}</p>
      {workshops.length > 0 && (
        <WorkshopSelect label={t('swotBoard.workshop')} fieldClass="swot-source" workshops={workshops}
          value={sourceWorkshopId || null} onValue={(workshopId) => onSourceWorkshop(workshopId ?? '')} />
      )}
      <div class="swot-board">
        {SWOT_QUADRANTS.map((quadrant) => (
          <section key={quadrant} class={`swot-quadrant swot-quadrant--${quadrant}`} aria-labelledby={`swot-${quadrant}`}
            data-quadrant={quadrant}>
            <header class="swot-quadrant__header">
              <h2 id={`swot-${quadrant}`}>{tLabel('swot', quadrant)}</h2>
              <span class="muted">{t('swotBoard.itemCount', { count: groups[quadrant].length })}</span>
            </header>
            <p class="muted swot-quadrant__hint">{t(HINTS[quadrant])}</p>
            {groups[quadrant].length > 0 && (
              <ul class="swot-items">
                {groups[quadrant].map((item) => (
                  <SwotItemRow key={item.id} item={item} workshops={workshops}
                    onSave={(values) => onSave(item, values)} onDelete={() => onDelete(item)} photos={renderPhotos?.(item)} />
                ))}
              </ul>
            )}
            <SwotQuickAdd quadrant={quadrant} onAdd={(text) => onAdd(quadrant, text)} />
          </section>
        ))}
      </div>
    </>
  );
}
