import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { loadEntities } from './load-entities.js';
import { type HtmlHandler, walkHtml } from './walk-html.js';

type Event = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

/** The handler's calls, with text pieces between two tag events joined (only their concatenation is meaningful). */
function recorder(): { events: Event[]; handler: HtmlHandler } {
  const events: Event[] = [];
  return {
    events,
    handler: {
      onopentag: (name, attribs) => events.push(['open', name, { ...attribs }]),
      ontext: (data) => {
        const last = events.at(-1);
        if (last?.[0] === 'text') last[1] += data;
        else events.push(['text', data]);
      },
      onclosetag: (name) => events.push(['close', name]),
    },
  };
}

function htmlparser2Events(html: string): Event[] {
  const { events, handler } = recorder();
  const parser = new Parser(handler, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  parser.write(html);
  parser.end();
  return events;
}

async function walkEvents(html: string): Promise<Event[]> {
  const { events, handler } = recorder();
  walkHtml(html, handler, await loadEntities());
  return events;
}

const npmDocs = resolve(dirname(process.execPath), '../lib/node_modules/npm/docs/output/commands');

const EDGE_CASES = [
  '<p>a<p>b<div>c</p>d</div>',
  '<ul><li>one<li>two</ul><table><tr><td>a<td>b<tr><th>c</table>',
  '<a href="x>y" title=\'q"r\' data-x=a/b>link</a>',
  '<a href=foo/>x</a><img src=a.png/><br/ ><br / >',
  '<div class="a" class="b" CLASS=c ID=top>x</div>',
  '<p =x a b=1 c = "2" d= e>t</p>',
  '<script>if (a < b && c > d) document.write("</div>")</script>after',
  '<SCRIPT type="x">a</ScRiPt >b<style>p{}</style x>c',
  '<title>A &amp; B &lt C</title><textarea>&amp;</textarea><xmp>&amp;</xmp>',
  '<tmp>raw</tmp>still raw</xmp>out<xitle>&amp;</title>',
  '<script/>not raw<b>x</b></script>',
  '<!-- a -- b --> <!--> <!---> <!----> <!-- x --->c<!--y-->',
  '<!DOCTYPE html><?xml version="1.0"?><![CDATA[ <p> ]]><!x><!->z',
  '</ p>a</>b</ >c</#x>d</br></p><br></br>',
  '<svg><circle/><title>t</title></svg><math><mi/></math><div/>e',
  'a &amp b &notit; &amp= &#0; &#x110000; &#65 &unknown; &',
  '<a href="?a=1&amp=2&lt;&lt=3&copy">x</a>',
  '<p>1<p>2</P></p>',
  '< p> <3 a<b <',
  '<td>x<thead><th>y<body><head><link><script>s</script>',
];

const TRUNCATED = [
  '<p>a</p',
  '<p>a</p x',
  '<div',
  '<div class',
  '<div class=',
  '<div class="x',
  '<div class=x',
  '<br/',
  '<br/ ',
  '<sc',
  '<s',
  '<t',
  '<scripty',
  '<script',
  '<!',
  '<!-',
  '<!--x',
  '<![CDA',
  '<![CDATA[x',
  '<!doc',
  '<?xml',
  '<?',
  '</',
  '</  ',
  '</ #x',
  'a &amp',
  '<title>a &amp; b</ti',
  '<script>x</script',
  '<script>x</script y',
];

describe('walkHtml', () => {
  it.each(EDGE_CASES)('calls the handler as htmlparser2 does on %j', async (html) => {
    expect(await walkEvents(html)).toEqual(htmlparser2Events(html));
  });

  it.each(TRUNCATED)(
    'calls the handler as htmlparser2 does at the end of the input in %j',
    async (html) => {
      expect(await walkEvents(`x ${html}`)).toEqual(htmlparser2Events(`x ${html}`));
    },
  );

  it.skipIf(!existsSync(npmDocs))(
    "calls the handler as htmlparser2 does on every page of npm's docs (skipped without npm's docs beside node)",
    async () => {
      const pages = readdirSync(npmDocs).filter((f) => f.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(50);
      for (const page of pages) {
        const html = readFileSync(join(npmDocs, page), 'utf8');
        expect(await walkEvents(html), page).toEqual(htmlparser2Events(html));
      }
    },
  );

  it('calls the handler as htmlparser2 does on random markup', async () => {
    const pieces = fc.constantFrom(
      ...'< > / = " \' & ! - ? [ ] ; # x A p div li td tr table svg title script style br img a b = " "'.split(
        ' ',
      ),
      ' ',
      '\n',
      '&amp',
      '&lt;',
      '&#x41;',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '</',
      '/>',
      'href',
      'text',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 40 }), async (parts) => {
        const html = parts.join('');
        expect(await walkEvents(html)).toEqual(htmlparser2Events(html));
      }),
      { numRuns: 3000 },
    );
  });

  it('walks 100k nested elements in linear time', async () => {
    const html = `${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}`;
    const { events, handler } = recorder();
    walkHtml(html, handler, await loadEntities());
    expect(events).toHaveLength(200_001);
  });
});
