/**
 * The Markdown lessons use — headings, paragraphs, bullet and numbered lists (nested by
 * indentation), fenced code, `code`, **bold**, *emphasis* and [links](https://…) — rendered as
 * React elements. Lesson text never becomes HTML: markup in it shows as text, so a lesson cannot
 * inject any, and a link only keeps an http(s) or in-page address.
 */
import type { ReactNode } from 'react';

const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Only addresses that navigate somewhere harmless become links (no `javascript:`, no `data:`). */
const safeHref = (href: string) => /^(https?:\/\/|#)/i.test(href);

function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = new RegExp(INLINE.source, 'g');
  let last = 0;
  let i = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const k = `${key}-${i++}`;
    if (m[1] !== undefined) out.push(<code key={k}>{m[1]}</code>);
    else if (m[2] !== undefined) out.push(<strong key={k}>{inline(m[2], k)}</strong>);
    else if (m[3] !== undefined) out.push(<em key={k}>{inline(m[3], k)}</em>);
    else if (safeHref(m[5]!))
      out.push(
        <a key={k} href={m[5]} target="_blank" rel="noreferrer noopener">
          {inline(m[4]!, k)}
        </a>,
      );
    else out.push(m[4]!);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Renders one line of lesson Markdown (code, bold, emphasis, links) inside running text. */
export function MarkdownInline({ text }: { text: string }) {
  return <>{inline(text, 'i')}</>;
}

interface ListItem {
  text: string;
  children: ListNode[];
}
interface ListNode {
  ordered: boolean;
  indent: number;
  items: ListItem[];
}

const LIST_ITEM = /^(\s*)([-*+]|\d+[.)]) +(.*)$/;

function renderList(list: ListNode, key: string): ReactNode {
  const items = list.items.map((item, i) => (
    <li key={i}>
      {inline(item.text, `${key}-${i}`)}
      {item.children.map((c, j) => renderList(c, `${key}-${i}-${j}`))}
    </li>
  ));
  return list.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
}

/**
 * Renders lesson Markdown. Headings start at `<h{minHeading}>` (a lesson's own title is the
 * `<h2>` above its prose), so `###` in a lesson is a section of it.
 */
export function Markdown({ text, minHeading = 3 }: { text: string; minHeading?: number }) {
  const blocks: ReactNode[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let para: string[] = [];
  // The open lists, outermost first.
  let stack: ListNode[] = [];
  const flush = () => {
    if (para.length) {
      const k = `p${blocks.length}`;
      blocks.push(<p key={k}>{inline(para.join(' '), k)}</p>);
      para = [];
    }
    if (stack.length) {
      blocks.push(renderList(stack[0]!, `l${blocks.length}`));
      stack = [];
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    const item = LIST_ITEM.exec(line);
    if (line.trim().startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith('```'); i++) code.push(lines[i]!);
      blocks.push(
        <pre key={`c${blocks.length}`} tabIndex={0}>
          <code>{code.join('\n')}</code>
        </pre>,
      );
    } else if (heading) {
      flush();
      const level = Math.min(6, Math.max(minHeading, heading[1]!.length));
      const H = `h${level}` as 'h3';
      const k = `h${blocks.length}`;
      blocks.push(<H key={k}>{inline(heading[2]!, k)}</H>);
    } else if (item) {
      if (para.length) {
        const k = `p${blocks.length}`;
        blocks.push(<p key={k}>{inline(para.join(' '), k)}</p>);
        para = [];
      }
      const indent = item[1]!.length;
      const ordered = /\d/.test(item[2]!);
      while (stack.length > 1 && indent < stack.at(-1)!.indent) stack.pop();
      const top = stack.at(-1);
      const entry: ListItem = { text: item[3]!, children: [] };
      if (!top) stack.push({ ordered, indent, items: [entry] });
      else if (indent > top.indent && top.items.length) {
        const child: ListNode = { ordered, indent, items: [entry] };
        top.items.at(-1)!.children.push(child);
        stack.push(child);
      } else top.items.push(entry);
    } else if (line.trim() === '') {
      // A blank line ends a paragraph; a list continues if an item follows.
      if (para.length || !LIST_ITEM.test(lines[i + 1] ?? '')) flush();
    } else if (stack.length && /^\s+/.test(line)) {
      const last = stack.at(-1)!.items.at(-1)!;
      last.text += ' ' + line.trim();
    } else {
      if (stack.length) flush();
      para.push(line.trim());
    }
  }
  flush();
  return <>{blocks}</>;
}
