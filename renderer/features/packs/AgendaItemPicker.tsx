import type { LocalizedText, Language } from '../../../shared/model';
import { pickText } from '../../../shared/model/text';
import { useT } from '../../i18n/use-t';

export interface PickableItem {
  id: string;
  title?: LocalizedText;
  /** The title the section kept, for an agenda item no longer in the dataset. */
  fallback: string;
}

/** Which agenda items go in the pack: a checkbox each, numbered as the briefs are, with All and None. `picked` undefined: all. */
export function AgendaItemPicker({ items, picked, onChange, language }: { items: readonly PickableItem[]; picked: readonly string[] | undefined; onChange: (picked: readonly string[] | undefined) => void; language: Language }) {
  const t = useT();
  if (items.length === 0) return null;
  const toggle = (id: string, on: boolean) => onChange(items.map((i) => i.id).filter((x) => (x === id ? on : (picked ?? items.map((i) => i.id)).includes(x))));
  return (
    <fieldset className="pack-items">
      <legend>{t('packs.itemsLabel')}</legend>
      <div className="pack-items-actions">
        <button type="button" onClick={() => onChange(undefined)}>
          {t('packs.itemsAll')}
        </button>
        <button type="button" onClick={() => onChange([])}>
          {t('packs.itemsNone')}
        </button>
      </div>
      <div className="pack-items-list">
        {items.map((item, i) => (
          <label key={item.id} className="pack-check">
            <input type="checkbox" checked={!picked || picked.includes(item.id)} onChange={(e) => toggle(item.id, e.target.checked)} />
            {i + 1}. {item.title ? pickText(item.title, language).text : item.fallback}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
