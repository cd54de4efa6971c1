import { useId } from 'react';
import type { Briefing, Section } from '../../../shared/briefing/model';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { LineField, TextField } from './fields';
import { newId } from './repo';
import { TalkingPoints } from './TalkingPoints';

/** The brief's general part: key messages, bilaterals, who covers what, contacts, logistics. */
export function GeneralEditor({ briefing, sections }: { briefing: Briefing; sections: Section[] }) {
  const t = useT();
  const editBriefing = useAppStore((s) => s.editBriefing);
  const edit = (field: string, update: (b: Briefing) => Briefing) => editBriefing(field, update);
  const headingId = useId();
  const review = (field: string) => briefing.review.includes(field);

  return (
    <section className="section-editor" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId}>{t('briefings.general')}</h2>
      </header>
      <TextField label={t('briefings.keyMessages')} value={briefing.keyMessages} rows={5} review={review('keyMessages')} onChange={(keyMessages) => edit('keyMessages', (b) => ({ ...b, keyMessages }))} />

      <fieldset className={`group ${review('bilaterals') ? 'needs-review' : ''}`}>
        <legend>{t('briefings.bilaterals')}</legend>
        {briefing.bilaterals.map((bilateral) => {
          const set = (field: string, change: Partial<Briefing['bilaterals'][number]>) =>
            edit(`bilaterals:${bilateral.id}:${field}`, (b) => ({ ...b, bilaterals: b.bilaterals.map((x) => (x.id === bilateral.id ? { ...x, ...change } : x)) }));
          return (
            <div key={bilateral.id} className="subcard">
              <LineField label={t('briefings.bilateral.counterpart')} value={bilateral.counterpart} onChange={(counterpart) => set('counterpart', { counterpart })} />
              <TextField label={t('briefings.section.objectives')} value={bilateral.objectives} rows={2} onChange={(objectives) => set('objectives', { objectives })} />
              <TalkingPoints points={bilateral.talkingPoints} review={[]} fieldPrefix={`bilaterals:${bilateral.id}:tp`} onChange={(field, talkingPoints) => set(field, { talkingPoints })} />
              <button type="button" onClick={() => edit('bilaterals.remove', (b) => ({ ...b, bilaterals: b.bilaterals.filter((x) => x.id !== bilateral.id) }))}>
                {t('briefings.removeNamed', { name: bilateral.counterpart || t('briefings.bilateral.counterpart') })}
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => edit('bilaterals.add', (b) => ({ ...b, bilaterals: [...b.bilaterals, { id: newId(), counterpart: '', objectives: '', talkingPoints: [] }] }))}>
          {t('briefings.bilateral.add')}
        </button>
      </fieldset>

      <fieldset className={`group ${review('members') ? 'needs-review' : ''}`}>
        <legend>{t('briefings.members')}</legend>
        {briefing.members.map((member) => {
          const set = (field: string, change: Partial<Briefing['members'][number]>) =>
            edit(`members:${member.id}:${field}`, (b) => ({ ...b, members: b.members.map((x) => (x.id === member.id ? { ...x, ...change } : x)) }));
          return (
            <div key={member.id} className="subcard row-fields">
              <LineField label={t('briefings.member.name')} value={member.name} onChange={(name) => set('name', { name })} />
              <LineField label={t('briefings.member.role')} value={member.role} onChange={(role) => set('role', { role })} />
              <CoverSelect label={t('briefings.member.covers')} sections={sections} value={member.covers} onChange={(covers) => set('covers', { covers })} />
              <button type="button" onClick={() => edit('members.remove', (b) => ({ ...b, members: b.members.filter((x) => x.id !== member.id) }))}>
                {t('briefings.removeNamed', { name: member.name || t('briefings.member.name') })}
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => edit('members.add', (b) => ({ ...b, members: [...b.members, { id: newId(), name: '', role: '', covers: [] }] }))}>
          {t('briefings.member.add')}
        </button>
      </fieldset>

      <fieldset className={`group ${review('contacts') ? 'needs-review' : ''}`}>
        <legend>{t('briefings.contacts')}</legend>
        {briefing.contacts.map((contact) => {
          const set = (field: string, change: Partial<Briefing['contacts'][number]>) =>
            edit(`contacts:${contact.id}:${field}`, (b) => ({ ...b, contacts: b.contacts.map((x) => (x.id === contact.id ? { ...x, ...change } : x)) }));
          return (
            <div key={contact.id} className="subcard row-fields">
              <LineField label={t('briefings.contact.name')} value={contact.name} onChange={(name) => set('name', { name })} />
              <LineField label={t('briefings.contact.role')} value={contact.role} onChange={(role) => set('role', { role })} />
              <LineField label={t('briefings.contact.phone')} type="tel" value={contact.phone} onChange={(phone) => set('phone', { phone })} />
              <LineField label={t('briefings.contact.email')} type="email" value={contact.email} onChange={(email) => set('email', { email })} />
              <button type="button" onClick={() => edit('contacts.remove', (b) => ({ ...b, contacts: b.contacts.filter((x) => x.id !== contact.id) }))}>
                {t('briefings.removeNamed', { name: contact.name || t('briefings.contact.name') })}
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => edit('contacts.add', (b) => ({ ...b, contacts: [...b.contacts, { id: newId(), name: '', role: '', phone: '', email: '' }] }))}>
          {t('briefings.contact.add')}
        </button>
      </fieldset>

      <TextField label={t('briefings.logistics')} value={briefing.logistics} rows={4} review={review('logistics')} onChange={(logistics) => edit('logistics', (b) => ({ ...b, logistics }))} />
    </section>
  );
}

function CoverSelect({ label, sections, value, onChange }: { label: string; sections: Section[]; value: string[]; onChange: (covers: string[]) => void }) {
  const id = useId();
  return (
    <div className="field line">
      <label htmlFor={id}>{label}</label>
      <select id={id} multiple size={Math.min(6, Math.max(2, sections.length))} value={value} onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}>
        {sections.map((s) => (
          <option key={s.id} value={s.agendaItemId}>
            {s.agendaTitle}
          </option>
        ))}
      </select>
    </div>
  );
}
