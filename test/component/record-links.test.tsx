import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BodyLinks, MeetingLinks } from '../../renderer/components/BodyLinks';
import { RecordPage } from '../../renderer/components/RecordPage';
import { db } from '../../renderer/db/db';
import type { StoredBody, StoredMeeting, StoredSource } from '../../renderer/db/schema';
import { SourcePage } from '../../renderer/features/sources/SourcePage';

/* Links to records by id: the link's text is the record's name, never its id (issue 10). */

const asoen = { id: 'asoen', acronym: 'ASOEN', name: { en: 'ASEAN Senior Officials on the Environment' } } as unknown as StoredBody;
const meeting = { id: 'asoen-36', code: 'ASOEN-36', title: { en: 'Thirty-sixth meeting' } } as unknown as StoredMeeting;

describe('BodyLinks', () => {
  it('shows a placeholder, not the id, until the body arrives, then its acronym', async () => {
    await db.bodies.put(asoen);
    const { container } = render(<BodyLinks ids={['asoen']} />);
    // The first render is before the database answers.
    expect(container.textContent).not.toMatch(/asoen/);
    expect(screen.queryByRole('link')).toBeNull();
    expect(container.querySelector('.text-placeholder')).not.toBeNull();
    expect(container.querySelector('ul')?.getAttribute('aria-busy')).toBe('true');

    const link = await screen.findByRole('link', { name: 'ASOEN' });
    expect(link.getAttribute('href')).toBe('/bodies/asoen');
    expect(link.getAttribute('title')).toBe('ASEAN Senior Officials on the Environment');
    expect(container.querySelector('.text-placeholder')).toBeNull();
  });

  it('says a dangling id is not in the dataset instead of linking to nowhere', async () => {
    await db.bodies.put(asoen);
    const { container } = render(<BodyLinks ids={['asoen', 'gone']} />);
    await screen.findByRole('link', { name: 'ASOEN' });
    expect(screen.getAllByRole('link')).toHaveLength(1);
    expect(within(container).getByText('gone (not in the dataset)')).toBeTruthy();
  });
});

describe('MeetingLinks', () => {
  it('links by meeting code once loaded', async () => {
    await db.meetings.put(meeting);
    const { container } = render(<MeetingLinks ids={['asoen-36']} />);
    expect(container.textContent).not.toMatch(/asoen-36/);
    expect((await screen.findByRole('link', { name: 'ASOEN-36' })).getAttribute('href')).toBe('/meetings/asoen-36');
  });
});

describe('RecordPage (useRecord)', () => {
  it('shows loading, then the record', async () => {
    await db.bodies.put(asoen);
    render(
      <RecordPage table={db.bodies} id="asoen" what="Body">
        {(body) => <p>Found {body.acronym}</p>}
      </RecordPage>,
    );
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect(await screen.findByText('Found ASOEN')).toBeTruthy();
  });

  it('says not found for an id the dataset does not have', async () => {
    render(
      <RecordPage table={db.bodies} id="nowhere" what="Body">
        {() => <p>Found</p>}
      </RecordPage>,
    );
    expect(await screen.findByRole('heading', { name: 'Nothing here: Body "nowhere" is not in the dataset.' })).toBeTruthy();
    expect(screen.queryByText('Found')).toBeNull();
  });

  it('follows the record live: a body that appears later is shown', async () => {
    render(
      <RecordPage table={db.bodies} id="asoen" what="Body">
        {(body) => <p>Found {body.acronym}</p>}
      </RecordPage>,
    );
    await screen.findByRole('heading', { name: /not in the dataset/ });
    await db.bodies.put(asoen);
    expect(await screen.findByText('Found ASOEN')).toBeTruthy();
  });
});

describe('SourcePage', () => {
  const stored = (url: string) =>
    ({
      id: 'src-a',
      title: { en: 'A statement' },
      kind: 'statement',
      publisher: 'ASEAN Secretariat',
      language: 'en',
      excerpt: 'Text.',
      url,
      sourceIds: [],
      prov: { datasetId: 'asean-reference', version: 1 },
    }) as unknown as StoredSource;

  it('links a public https address', async () => {
    await db.sources.put(stored('https://asean.org/statement'));
    render(<SourcePage id="src-a" />);
    expect((await screen.findByRole('link', { name: 'https://asean.org/statement' })).getAttribute('href')).toBe('https://asean.org/statement');
  });

  it.each(['data:text/html,<script>alert(1)</script>', 'javascript:alert(1)', 'http://asean.org/statement'])(
    'shows a stored %s address as text, never as a link',
    async (url) => {
      await db.sources.put(stored(url));
      const { container } = render(<SourcePage id="src-a" />);
      expect(await screen.findByText(url)).toBeTruthy();
      expect(container.querySelector(`a[href^="${url.split(':')[0]}:"]`)).toBeNull();
    },
  );
});
