package cjknews.analysis;

import java.util.Map;

import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Registers the CJK components of Elasticsearch's analysis-common module under their usual
 * names, for distributions that ship without that module. Names the server itself registers
 * (the standard tokenizer, lowercase, stop, shingle) are left alone: registering one twice stops
 * the node.
 */
public class CjkStandinPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
                CjkWidthFilterFactory.TYPE, CjkWidthFilterFactory::new,
                CjkBigramFilterFactory.TYPE, CjkBigramFilterFactory::new);
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        // Without rules the filter means nothing, so no default instance may be built.
        return Map.of(
                MappingCharFilterFactory.TYPE,
                AnalysisPlugin.requiresAnalysisSettings(MappingCharFilterFactory::new));
    }
}
