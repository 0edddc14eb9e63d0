import { collapseSpace } from '../../util/collapse-space.js';
import { loadEntities } from './load-entities.js';
import { walkHtml } from './walk-html.js';

/** Elements whose content is never readable text. */
const SKIP_TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'nav',
  'aside',
  'form',
  'button',
  'select',
  'dialog',
  'head',
];
const BOILERPLATE_ROLE =
  /^(?:navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alert)$/;
const BOILERPLATE_NAME =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|menubar|sidebar|breadcrumbs?|footer|cookies?|banner|advert\w*|ads|social|share|sharing|toc|table[_-]of[_-]contents|skip[_-]link|newsletter|related)(?:$|[\s_-])/i;
const BLOCK_TAGS = [
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'li',
  'dd',
  'dt',
  'dl',
  'ul',
  'ol',
  'tr',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'blockquote',
  'figure',
  'figcaption',
  'details',
  'summary',
  'address',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'caption',
  'body',
  'html',
];
const SKIP = 1;
const BLOCK = 2;
const HEADING = 4;
/** What the walk needs to know of a tag name, found with one lookup per tag event instead of one per question. */
const TAG_KINDS = new Map<string, number>([
  ...SKIP_TAGS.map((name) => [name, SKIP] as const),
  ...BLOCK_TAGS.map((name) => [name, /^h[1-6]$/.test(name) ? BLOCK | HEADING : BLOCK] as const),
]);

interface Block {
  text: string;
  /** Items and rows follow each other without a blank line. */
  tight: boolean;
}

/**
 * The readable part of an HTML page as Markdown-like text: headings, paragraphs, lists, tables,
 * code blocks, and link texts with their URLs. Scripts, styles, navigation, footers, sidebars and
 * elements named or marked as boilerplate (class/id/role) are dropped.
 */
export async function extractReadableText(html: string): Promise<string> {
  return (await extractBlocks(html))
    .map(
      (block, i, all) =>
        (i === 0 ? '' : block.tight && all[i - 1]!.tight ? '\n' : '\n\n') + block.text,
    )
    .join('');
}

/** The extracted page as blocks (paragraphs, items, rows, code blocks), for retrieval units. */
export async function extractBlocks(html: string): Promise<Block[]> {
  const decode = await loadEntities();
  const blocks: Block[] = [];
  const skipStack: boolean[] = [];
  const open: string[] = [];
  let skipping = 0;
  let inline = '';
  let pre: string | undefined;
  let prefix = '';
  let itemPrefix = false;
  let title = '';
  let inTitle = false;
  const links: Array<{ href: string; start: number }> = [];
  const lists: Array<{ ordered: boolean; count: number }> = [];
  let row: string[] | undefined;
  let rowHasHeader = false;
  let tableRows = 0;

  const flush = (tight = false): void => {
    const text = collapseSpace(inline);
    inline = '';
    if (!text) return;
    blocks.push({ text: prefix + text, tight: tight || itemPrefix });
    prefix = '';
    itemPrefix = false;
  };

  walkHtml(
    html,
    {
      onopentag(name, attribs) {
        const kind = TAG_KINDS.get(name) ?? 0;
        const skip =
          (kind & SKIP) !== 0 ||
          (name === 'footer' && !open.includes('article')) ||
          'hidden' in attribs ||
          attribs['aria-hidden'] === 'true' ||
          (attribs.role !== undefined && BOILERPLATE_ROLE.test(attribs.role)) ||
          // Most tags have neither: no string to build and test then.
          ((attribs.id !== undefined || attribs.class !== undefined) &&
            BOILERPLATE_NAME.test(`${attribs.id ?? ''} ${attribs.class ?? ''}`));
        skipStack.push(skip);
        open.push(name);
        if (skip) skipping++;
        if (name === 'title') inTitle = true;
        if (skipping > 0) return;
        if (name === 'pre') {
          flush();
          pre = '';
        } else if (kind & BLOCK) {
          flush();
        }
        if (name === 'br') inline += pre === undefined ? '\n' : '';
        if (name === 'ul' || name === 'ol') lists.push({ ordered: name === 'ol', count: 0 });
        if (name === 'li') {
          const list = lists.at(-1);
          if (list) list.count++;
          prefix = `${'  '.repeat(Math.max(0, lists.length - 1))}${list?.ordered ? `${list.count}.` : '-'} `;
          itemPrefix = true;
        }
        if (name === 'blockquote') prefix = '> ';
        if (kind & HEADING) prefix = `${'#'.repeat(Number(name[1]))} `;
        if (name === 'tr') {
          row = [];
          rowHasHeader = false;
        }
        if (name === 'table') tableRows = 0;
        if ((name === 'td' || name === 'th') && row) {
          rowHasHeader ||= name === 'th';
          inline = '';
        }
        if (name === 'a' && attribs.href) links.push({ href: attribs.href, start: inline.length });
        if (name === 'code' && pre === undefined) inline += '`';
      },
      ontext(data) {
        if (inTitle && skipStack.length > 0) title += data;
        if (skipping > 0) return;
        if (pre !== undefined) pre += data;
        else inline += data;
      },
      onclosetag(name) {
        const skipped = skipStack.pop() ?? false;
        open.pop();
        if (name === 'title') inTitle = false;
        if (skipped) {
          skipping--;
          return;
        }
        if (skipping > 0) return;
        if (name === 'code' && pre === undefined) inline += '`';
        if (name === 'a') {
          const link = links.pop();
          if (link) {
            const label = collapseSpace(inline.slice(link.start));
            if (label && !/^(?:#|javascript:)/i.test(link.href) && label !== link.href) {
              inline = `${inline.slice(0, link.start)}[${label}](${link.href})`;
            }
          }
        }
        if ((name === 'td' || name === 'th') && row) {
          row.push(collapseSpace(inline).replace(/\|/g, '\\|'));
          inline = '';
          return;
        }
        if (name === 'tr' && row) {
          if (row.some(Boolean)) {
            blocks.push({ text: `| ${row.join(' | ')} |`, tight: true });
            if (tableRows === 0 && rowHasHeader)
              blocks.push({ text: `|${row.map(() => ' --- |').join('')}`, tight: true });
            tableRows++;
          }
          row = undefined;
          return;
        }
        if (name === 'pre' && pre !== undefined) {
          const code = pre.replace(/^\n+|\s+$/g, '');
          if (code) blocks.push({ text: `\`\`\`\n${code}\n\`\`\``, tight: false });
          pre = undefined;
          return;
        }
        if (name === 'ul' || name === 'ol') lists.pop();
        if ((TAG_KINDS.get(name) ?? 0) & BLOCK)
          flush(name === 'li' || name === 'dt' || name === 'dd');
      },
    },
    decode,
  );
  flush();
  const heading = collapseSpace(title);
  if (heading && !blocks.some((b) => b.text.replace(/^#+ /, '').startsWith(heading)))
    blocks.unshift({ text: `# ${heading}`, tight: false });
  return blocks;
}
