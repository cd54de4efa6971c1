import { fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown, MarkdownHelp } from '../../renderer/components/Markdown';
import { markdown } from '../../renderer/i18n/en/markdown';
import { XSS_CORPUS } from '../unit/markdown-xss-corpus';

const ALLOWED_ELEMENTS = new Set(['DIV', 'P', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'BR', 'A', 'SPAN']);

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('<Markdown> with the XSS corpus', () => {
  it.each(XSS_CORPUS.map((c) => [c.payload, c] as const))('%s', (_, { payload, visible }) => {
    const { container } = render(<Markdown text={payload} />);
    expect(container.querySelectorAll('script, img, iframe, svg, math, object, embed, style, meta, base, form, input, video, details')).toHaveLength(0);
    for (const element of container.querySelectorAll('*')) {
      expect(ALLOWED_ELEMENTS.has(element.tagName)).toBe(true);
      for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/i);
    }
    for (const anchor of container.querySelectorAll('a')) expect(anchor.getAttribute('href')).toMatch(/^https:\/\//);
    const text = collapse(container.textContent ?? '');
    for (const fragment of visible ?? [payload]) expect(text).toContain(collapse(fragment));
  });
});

describe('<Markdown>', () => {
  it('renders paragraphs, line breaks, formatting and lists as elements', () => {
    const { container } = render(<Markdown text={'**Objective:** keep _centrality_\nline two\n\n- a\n  1. nested\n\n3. three\n4. four'} />);
    expect(container.innerHTML).toBe(
      '<div class="markdown"><p><strong>Objective:</strong> keep <em>centrality</em><br>line two</p>' +
        '<ul><li>a<ol><li>nested</li></ol></li></ul><ol start="3"><li>three</li><li>four</li></ol></div>',
    );
  });

  it('renders https links that open through openExternal', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { getByRole } = render(<Markdown text="See [the statement](https://asean.org/statement)." />);
    const anchor = getByRole('link', { name: 'the statement' });
    expect(anchor.getAttribute('href')).toBe('https://asean.org/statement');
    expect(anchor.getAttribute('rel')).toBe('noopener noreferrer');
    expect(anchor.getAttribute('target')).toBe('_blank');
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    fireEvent(anchor, event);
    expect(event.defaultPrevented).toBe(true);
    expect(open).toHaveBeenCalledWith('https://asean.org/statement', '_blank', 'noopener,noreferrer');
  });

  it('shows http, mailto and unopenable https links as text with their address, not as links', () => {
    const { container } = render(
      <Markdown text="[old site](http://asean.org) [write](mailto:sec@asean.org) https://localhost/x [x](https://user@asean.org/)" />,
    );
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.textContent).toBe('old site (http://asean.org) write (sec@asean.org) https://localhost/x x (https://user@asean.org/)');
  });

  it('shows refused links exactly as typed', () => {
    const { container } = render(<Markdown text="[**click**](javascript:alert(1))" />);
    expect(container.querySelector('a, strong')).toBeNull();
    expect(container.textContent).toBe('[**click**](javascript:alert(1))');
  });
});

describe('<MarkdownHelp>', () => {
  it('lists the syntax with the given strings', () => {
    const { container } = render(<MarkdownHelp t={(key) => markdown[key]} />);
    const text = container.textContent ?? '';
    expect(text).toContain(markdown['markdown.help']);
    expect(text).toContain('**text**');
    expect(text).toContain(markdown['markdown.help.link']);
    expect(container.querySelectorAll('dt')).toHaveLength(6);
  });
});
