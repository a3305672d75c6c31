package cjknews.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/** `cjk_bigram`: bigrams of adjacent CJK characters, per script unless that script is ignored. */
final class CjkBigramFilterFactory extends AbstractTokenFilterFactory {

    static final String TYPE = "cjk_bigram";
    static final String IGNORED_SCRIPTS = "ignored_scripts";
    static final String OUTPUT_UNIGRAMS = "output_unigrams";

    private static final Map<String, Integer> SCRIPT_FLAGS = Map.of(
            "han", CJKBigramFilter.HAN,
            "hiragana", CJKBigramFilter.HIRAGANA,
            "katakana", CJKBigramFilter.KATAKANA,
            "hangul", CJKBigramFilter.HANGUL);

    private final int flags;
    private final boolean outputUnigrams;

    CjkBigramFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name);
        ComponentSettings.requireOnly("token filter", TYPE, name, settings, Set.of(IGNORED_SCRIPTS, OUTPUT_UNIGRAMS));
        int enabled = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
        for (String script : settings.getAsList(IGNORED_SCRIPTS, List.of())) {
            Integer flag = SCRIPT_FLAGS.get(script);
            if (flag == null) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "token filter [%s] of type [%s]: unknown script [%s] in [%s]; known scripts: %s",
                        name, TYPE, script, IGNORED_SCRIPTS, new TreeSet<>(SCRIPT_FLAGS.keySet())));
            }
            enabled &= ~flag;
        }
        this.flags = enabled;
        this.outputUnigrams = settings.getAsBoolean(OUTPUT_UNIGRAMS, false);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new CJKBigramFilter(tokenStream, flags, outputUnigrams);
    }
}
