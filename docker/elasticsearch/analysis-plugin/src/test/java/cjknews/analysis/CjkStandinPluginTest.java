package cjknews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;

class CjkStandinPluginTest {

    private final CjkStandinPlugin plugin = new CjkStandinPlugin();

    @Test
    void registersOnlyTheMissingComponents() {
        assertEquals(Set.of("cjk_width", "cjk_bigram"), plugin.getTokenFilters().keySet());
        assertEquals(Set.of("mapping"), plugin.getCharFilters().keySet());
        assertTrue(plugin.getTokenizers().isEmpty());
        assertTrue(plugin.getAnalyzers().isEmpty());
    }

    @Test
    void onlyMappingNeedsSettings() {
        assertTrue(plugin.getCharFilters().get("mapping").requiresAnalysisSettings());
        assertFalse(plugin.getTokenFilters().get("cjk_width").requiresAnalysisSettings());
        assertFalse(plugin.getTokenFilters().get("cjk_bigram").requiresAnalysisSettings());
    }

    @Test
    void providersBuildWorkingFactories() throws IOException {
        TokenFilterFactory bigram = plugin.getTokenFilters().get("cjk_bigram").get(null, null, "cjk_bigram", Settings.EMPTY);
        assertEquals("cjk_bigram", bigram.name());
        assertEquals(List.of("郑凯"), Tokens.terms("郑凯", bigram));
    }
}
