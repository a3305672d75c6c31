package cjknews.analysis;

import java.io.Reader;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;

/**
 * `mapping`: replaces strings before tokenizing, longest match first, with offsets pointing into
 * the original text. Rules come inline (`mappings`) or from a file under the config directory
 * (`mappings_path`, which wins when both are given, as in Elasticsearch).
 */
final class MappingCharFilterFactory extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {

    static final String TYPE = "mapping";
    static final String MAPPINGS = "mappings";
    static final String MAPPINGS_PATH = "mappings_path";

    private final NormalizeCharMap charMap;

    MappingCharFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name);
        ComponentSettings.requireOnly("char filter", TYPE, name, settings, Set.of(MAPPINGS, MAPPINGS_PATH));
        // The server's word-list reader: config-dir resolution, UTF-8, blank and # lines skipped.
        List<String> rules = Analysis.getWordList(environment, settings, MAPPINGS);
        if (rules == null) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "char filter [%s] of type [%s] requires either [%s] or [%s]",
                    name, TYPE, MAPPINGS, MAPPINGS_PATH));
        }
        try {
            this.charMap = MappingRules.toCharMap(rules);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "char filter [%s] of type [%s]: %s", name, TYPE, e.getMessage()), e);
        }
    }

    @Override
    public Reader create(Reader reader) {
        return new MappingCharFilter(charMap, reader);
    }
}
