// @vitest-environment jsdom
/**
 * Lesson Markdown as React elements: headings, nested lists, code, emphasis and links, with any
 * markup in the text shown as text; and every surface that shows lesson prose renders through it.
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/content/index.ts';
import { Markdown, MarkdownInline } from '../../src/ui/lesson/markdown.tsx';
import { renderLearnPanel } from './lesson/panel-harness.tsx';

describe('Markdown', () => {
  it('renders ATX headings as headings, from h3 inside a lesson', () => {
    const { container } = render(<Markdown text={'### What it is\n\nText.\n\n#### Detail'} />);
    expect(screen.getByRole('heading', { level: 3, name: 'What it is' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: 'Detail' })).toBeInTheDocument();
    expect(container.textContent).not.toContain('#');
  });

  it('nests lists by indentation, bullet and numbered', () => {
    render(<Markdown text={'- one\n  1. inner a\n  2. inner b\n- two\n\nafter'} />);
    const lists = screen.getAllByRole('list');
    expect(lists.map((l) => l.tagName)).toEqual(['UL', 'OL']);
    const outer = within(lists[0]!).getAllByRole('listitem');
    // The outer list's own items: "one" (holding the inner list) and "two".
    expect(
      outer.filter((li) => li.parentElement === lists[0]).map((li) => li.firstChild?.textContent),
    ).toEqual(['one', 'two']);
    expect(
      within(lists[1]!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['inner a', 'inner b']);
    expect(screen.getByText('after').tagName).toBe('P');
  });

  it('keeps a fenced block verbatim and marks inline code, bold and emphasis', () => {
    const { container } = render(
      <Markdown text={'Run `kubectl get ns`, **really** *now*.\n\n```\n  a  <b>\n```'} />,
    );
    expect(container.querySelector('p code')?.textContent).toBe('kubectl get ns');
    expect(container.querySelector('strong')?.textContent).toBe('really');
    expect(container.querySelector('em')?.textContent).toBe('now');
    expect(container.querySelector('pre code')?.textContent).toBe('  a  <b>');
  });

  it('shows markup as text, never as HTML', () => {
    const { container } = render(
      <Markdown
        text={'<img src=x onerror="alert(1)"> <script>bad()</script>\n\n### <b>head</b>'}
      />,
    );
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(screen.getByRole('heading', { name: '<b>head</b>' })).toBeInTheDocument();
  });

  it('links only http(s) addresses', () => {
    render(
      <MarkdownInline
        text={'[docs](https://kubernetes.io/docs/) and [bad](javascript:alert(1))'}
      />,
    );
    expect(screen.getByRole('link', { name: 'docs' })).toHaveAttribute(
      'href',
      'https://kubernetes.io/docs/',
    );
    expect(screen.queryByRole('link', { name: 'bad' })).toBeNull();
    expect(screen.getByText(/and bad/)).toBeInTheDocument();
  });
});

const LESSONS = loadLessons().lessons;

describe('lesson prose surfaces', () => {
  it('the Learn overview renders its sections as headings, no raw Markdown', async () => {
    const overview = LESSONS.find((l) => l.kind === 'overview')!;
    const headings = [...overview.prose.matchAll(/^#{1,6}\s+(.*)$/gm)].map((m) => m[1]!);
    expect(headings.length).toBeGreaterThan(0);
    // Learn mode holds the overview alone and opens it at once.
    renderLearnPanel({ mode: 'learn' });
    const article = await screen.findByRole('article', { name: overview.title });
    for (const h of headings)
      expect(within(article).getByRole('heading', { name: h })).toBeInTheDocument();
    expect(article.textContent).not.toMatch(/(^|\s)#{2,6} /);
    expect(article.textContent).not.toMatch(/\*\*/);
  });

  it('no lesson text anywhere keeps Markdown markers once rendered', () => {
    for (const l of LESSONS) {
      const texts = [
        l.concept,
        l.prose,
        l.takeaway,
        ...l.tasks.flatMap((t) => [t.description, ...t.hints]),
      ];
      for (const text of texts) {
        const { container, unmount } = render(<Markdown text={text} />);
        const shown = [...container.querySelectorAll('p, li, h3, h4, h5, h6')]
          .map((e) =>
            [...e.childNodes]
              .filter((n) => n.nodeType === 3)
              .map((n) => n.textContent)
              .join(''),
          )
          .join('\n');
        expect(shown, `${l.id}`).not.toMatch(/^#{1,6} |\*\*|`/m);
        unmount();
      }
    }
  });
});
