/**
 * The rule for SVG pictures, in one place: an SVG is a drawing and nothing else. It may not run
 * code (<script>, on… event attributes), embed other content (<foreignObject>), fetch or point at
 * anything outside itself (an href or url() that is not "#id", @import, <?xml-stylesheet?>) or
 * declare entities (any <!DOCTYPE>). Such an SVG is refused, not cleaned, so what is published is
 * what the author sees. Parsed with sax, a strict XML parser, so a malformed file is refused too.
 */
import sax from 'sax';

const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();
/** url(…) or @import that does not point at an element of the drawing itself. */
const EXTERNAL_IN_CSS = /url\(\s*(?!['"]?#)|@import/i;

/** What makes the SVG unsafe, in plain words; undefined when it is a plain drawing. */
export function svgProblem(text: string): string | undefined {
  let problem: string | undefined;
  const found = (what: string) => (problem ??= what);
  const parser = sax.parser(true);
  let inStyle = false;
  parser.onerror = (error) => found(`it is not well-formed XML (${error.message.split('\n')[0]})`);
  parser.ondoctype = () => found('it has a <!DOCTYPE>, which can declare entities that read other files');
  parser.onprocessinginstruction = ({ name }) => {
    if (name.toLowerCase() !== 'xml') found(`it has a <?${name}?> instruction, which can load a style sheet from elsewhere`);
  };
  parser.onopentag = ({ name, attributes }) => {
    const element = localName(name);
    if (element === 'script') found('it has a <script>, which runs code');
    if (element === 'foreignobject') found('it has a <foreignObject>, which embeds content that is not a drawing');
    inStyle = element === 'style';
    for (const [attribute, value] of Object.entries(attributes)) {
      const key = localName(attribute);
      if (key.startsWith('on')) found(`it has an ${attribute} attribute, which runs code`);
      else if (key === 'href' && !value.trim().startsWith('#')) found(`it refers to "${value.slice(0, 80)}" outside the drawing (${attribute} on <${name}>)`);
      else if (EXTERNAL_IN_CSS.test(value)) found(`its ${attribute} on <${name}> refers to something outside the drawing`);
    }
  };
  parser.onclosetag = () => (inStyle = false);
  parser.ontext = parser.oncdata = (text) => {
    if (inStyle && EXTERNAL_IN_CSS.test(text)) found('its <style> refers to something outside the drawing');
  };
  try {
    parser.write(text).close();
  } catch (error) {
    found(`it is not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
  return problem;
}
