import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import sources from '../../assets/dataset/sources.json';
import bodies from '../../assets/dataset/bodies.json';
import meetings from '../../assets/dataset/meetings.json';
import agendaItems from '../../assets/dataset/agenda-items.json';
import frameworks from '../../assets/dataset/frameworks.json';
import targets from '../../assets/dataset/targets.json';
import { DatasetRecords, type Body } from '../../shared/model';
import { OrgChart } from '../../renderer/features/packs/OrgChart';

const records = DatasetRecords.parse({ sources, bodies, meetings, agendaItems, frameworks, targets });

describe('<OrgChart>', () => {
  it('renders the ASOEN chart as one image named by its title, with every acronym', () => {
    render(<OrgChart bodies={records.bodies} focusIds={['asoen']} lang="en" />);
    const chart = screen.getByRole('img', { name: 'Organisational chart of the bodies concerned' });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    for (const acronym of ['AMME', 'ASOEN', 'AWGCC', 'AWGCME', 'AWGEE', 'AWGESC', 'AWGMRPE', 'AWGNCB', 'AWGWRM']) {
      expect(within(chart).getByText(acronym)).toBeDefined();
    }
    // The description says how the bodies report, for screen readers.
    const description = document.getElementById(chart.getAttribute('aria-describedby')!);
    expect(description?.tagName.toLowerCase()).toBe('desc');
    expect(description?.textContent).toContain('ASOEN reports to AMME.');
    expect(chart.querySelectorAll('path')).toHaveLength(8);
  });

  it('uses a given title and the pack’s language, whatever the interface language', () => {
    render(<OrgChart bodies={records.bodies} focusIds={['asoen']} lang="ms" title="Carta ASOEN-36" />);
    const chart = screen.getByRole('img', { name: 'Carta ASOEN-36' });
    expect(within(chart).getByText('Mesyuarat Pegawai-Pegawai')).toBeDefined();
    expect(chart.querySelector('desc')?.textContent).toContain('ASOEN melapor kepada AMME.');
    expect(within(chart).getByText('Bingkai tebal: badan-badan mesyuarat ini')).toBeDefined();
  });

  it('marks the meeting’s bodies with a bold frame and draws in explicit colours', () => {
    const { container } = render(<OrgChart bodies={records.bodies} focusIds={['asoen']} lang="en" />);
    const frameOf = (acronym: string) => within(container).getByText(acronym).closest('g')!.querySelector('rect')!;
    expect(Number(frameOf('ASOEN').getAttribute('stroke-width'))).toBeGreaterThan(Number(frameOf('AMME').getAttribute('stroke-width')));
    for (const element of container.querySelectorAll('rect, path, text')) {
      for (const attribute of ['fill', 'stroke']) expect(element.getAttribute(attribute) ?? '').not.toBe('currentColor');
    }
    expect(container.querySelector('svg')?.getAttribute('font-family')).toContain('Pack Sans');
  });

  it('shows "+N more" for children beyond the cap', () => {
    const somri = records.bodies.find((b) => b.id === 'somri')!;
    const many: Body[] = [
      ...records.bodies,
      ...Array.from({ length: 10 }, (_, i) => ({ ...somri, id: `extra-${i}`, acronym: `EX${i}`, name: { en: `Extra ${i}` }, reportsTo: ['somri'] })),
    ];
    render(<OrgChart bodies={many} focusIds={['somri']} lang="id" />);
    // SOMRI has 3 working groups in the dataset, 13 with the extras: 8 drawn, 5 more.
    expect(screen.getByText('+5 lainnya')).toBeDefined();
  });

  it('renders nothing when no body of the meeting is in the dataset', () => {
    const { container } = render(<OrgChart bodies={records.bodies} focusIds={['no-such-body']} lang="en" />);
    expect(container.querySelector('svg')).toBeNull();
  });
});
