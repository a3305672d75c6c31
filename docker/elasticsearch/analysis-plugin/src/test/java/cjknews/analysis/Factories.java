package cjknews.analysis;

import java.nio.file.Path;
import java.util.List;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;

/** Builds the factories the way the node does, from component settings. */
final class Factories {

    private Factories() {}

    static Environment environment(Path home) {
        return new Environment(Settings.builder().put("path.home", home.toString()).build(), home.resolve("config"));
    }

    static CjkWidthFilterFactory width() {
        return new CjkWidthFilterFactory(null, null, "width", Settings.builder().put("type", "cjk_width").build());
    }

    static CjkBigramFilterFactory bigram(Settings.Builder settings) {
        return new CjkBigramFilterFactory(null, null, "bigram", settings.put("type", "cjk_bigram").build());
    }

    static CjkBigramFilterFactory bigram() {
        return bigram(Settings.builder());
    }

    static MappingCharFilterFactory mapping(Environment environment, Settings.Builder settings) {
        return new MappingCharFilterFactory(null, environment, "t2s", settings.put("type", "mapping").build());
    }

    static MappingCharFilterFactory mapping(String... rules) {
        return mapping(null, Settings.builder().putList("mappings", List.of(rules)));
    }
}
