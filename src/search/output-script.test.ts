import { convertHtml, convertKeepingMarkup, convertText, escapeHtml } from './output-script';

describe('convertText', () => {
  it('leaves text alone for the original script', () => {
    expect(convertText('鄭凱 郑凯', 'original')).toBe('鄭凱 郑凯');
  });

  it('converts Traditional to Simplified, reading Taiwan forms', () => {
    expect(convertText('滎陽市追授鄭凱，為群眾著想', 'simplified')).toBe(
      '荥阳市追授郑凯，为群众着想',
    );
  });

  it('converts to each Traditional target with its own forms', () => {
    expect(convertText('这里为群众着想', 'traditional')).toBe('這裏爲羣衆着想');
    expect(convertText('这里为群众着想', 'taiwan')).toBe('這裡為群眾著想');
    expect(convertText('这里为群众着想', 'hongkong')).toBe('這裏為羣眾着想');
  });

  it('keeps phrase exceptions that character conversion gets wrong', () => {
    expect(convertText('乾隆年间的头发', 'taiwan')).toBe('乾隆年間的頭髮');
  });
});

describe('convertHtml', () => {
  it('converts text but never tags or entities', () => {
    const html = '滎陽市追授<mark>鄭凱</mark>&quot;滎陽市優秀共產黨員&quot; &amp; &#x2F;';
    expect(convertHtml(html, 'simplified')).toBe(
      '荥阳市追授<mark>郑凯</mark>&quot;荥阳市优秀共产党员&quot; &amp; &#x2F;',
    );
  });

  it('converts a phrase across a highlight boundary as a phrase', () => {
    // Alone, 发 would become 發; after 头 it is 髮.
    expect(convertText('发', 'taiwan')).toBe('發');
    expect(convertHtml('<mark>头</mark>发', 'taiwan')).toBe('<mark>頭</mark>髮');
  });

  it('does not let an entity join the words around it', () => {
    expect(convertHtml('&lt;mark&gt;疫情&lt;&#x2F;mark&gt;', 'taiwan')).toBe(
      '&lt;mark&gt;疫情&lt;&#x2F;mark&gt;',
    );
  });

  it('returns the fragment untouched for the original script', () => {
    expect(convertHtml('<mark>鄭凱</mark>', 'original')).toBe('<mark>鄭凱</mark>');
  });
});

describe('convertKeepingMarkup', () => {
  it('converts piece by piece when conversion changes the length', () => {
    const double = (text: string) => text.replace(/./gu, (c) => c + c);
    expect(convertKeepingMarkup('ab<mark>c</mark>&amp;d', double)).toBe(
      'aabb<mark>cc</mark>&amp;dd',
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the characters the engine encoder escapes', () => {
    expect(escapeHtml(`同心战"疫" <a href='x'>&</a>`)).toBe(
      '同心战&quot;疫&quot; &lt;a href=&#x27;x&#x27;&gt;&amp;&lt;&#x2F;a&gt;',
    );
  });
});
