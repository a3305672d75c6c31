package cjknews.analysis;

import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/** `cjk_width`: full-width ASCII to basic Latin, half-width katakana to full-width kana. */
final class CjkWidthFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    static final String TYPE = "cjk_width";

    CjkWidthFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name);
        ComponentSettings.requireOnly("token filter", TYPE, name, settings, Set.of());
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new CJKWidthFilter(tokenStream);
    }
}
