package cjknews.analysis;

import static cjknews.analysis.Factories.bigram;
import static cjknews.analysis.Factories.environment;
import static cjknews.analysis.Factories.mapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static String rejection(Executable build) {
        return assertThrows(IllegalArgumentException.class, build).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "[" + part + "] missing from: " + message);
        }
    }

    @Test
    void rejectsParametersAComponentDoesNotSupport() {
        Settings.Builder misspelt = Settings.builder().putList("ignore_scripts", "han");
        assertMentions(rejection(() -> bigram(misspelt)), "[bigram]", "[cjk_bigram]", "[ignore_scripts]", "ignored_scripts");

        Settings widthSettings = Settings.builder().put("type", "cjk_width").put("output_unigrams", true).build();
        assertMentions(
                rejection(() -> new CjkWidthFilterFactory(null, null, "width", widthSettings)),
                "[width]", "[cjk_width]", "[output_unigrams]");

        Settings.Builder mappingSettings = Settings.builder().putList("mappings", "a => b").put("mapping", "x");
        assertMentions(rejection(() -> mapping(null, mappingSettings)), "[t2s]", "[mapping]", "parameter [mapping]");
    }

    @Test
    void acceptsTheKeysElasticsearchAddsItself() {
        Settings.Builder indexSettings = Settings.builder()
                .put("index.version.created", "9000000")
                .put("index.number_of_replicas", 0)
                .put("output_unigrams", "true");
        assertEquals(List.of("鄭", "鄭凱", "凱"), Tokens.terms("鄭凱", bigram(indexSettings)));
    }

    @Test
    void rejectsAScriptItDoesNotKnow() {
        Settings.Builder settings = Settings.builder().putList("ignored_scripts", "han", "latin");
        assertMentions(rejection(() -> bigram(settings)), "[latin]", "han, hangul, hiragana, katakana");
    }

    @Test
    void takesASingleScriptAsAString() {
        assertEquals(List.of("鄭", "凱"), Tokens.terms("鄭凱", bigram(Settings.builder().put("ignored_scripts", "han"))));
    }

    @Test
    void rejectsANonBooleanOutputUnigrams() {
        assertMentions(rejection(() -> bigram(Settings.builder().put("output_unigrams", "maybe"))), "[maybe]");
    }

    @Test
    void mappingNeedsRules() {
        assertMentions(rejection(() -> mapping(null, Settings.builder())), "[t2s]", "[mappings]", "[mappings_path]");
    }

    @Test
    void mappingNamesTheFilterWhenARuleIsBad() {
        assertMentions(rejection(() -> mapping("鄭 => 郑", " => 凯")), "[t2s]", "[ => 凯]", "left side is empty");
    }

    @Test
    void readsMappingsPathRelativeToTheConfigDirectorySkippingComments(@TempDir Path home) throws IOException {
        Environment environment = environment(home);
        Files.createDirectories(environment.configDir().resolve("analysis"));
        Files.writeString(
                environment.configDir().resolve("analysis/t2s.txt"),
                "# Traditional to Simplified\n鄭 => 郑\n\n  凱 => 凯\n\\# => sharp\n");
        MappingCharFilterFactory fromFile = mapping(environment, Settings.builder()
                .put("mappings_path", "analysis/t2s.txt")
                .putList("mappings", "鄭 => ignored"));
        assertEquals("郑凯sharp", Tokens.normalize("鄭凱#", fromFile));
    }

    @Test
    void reportsAMissingMappingsFile(@TempDir Path home) {
        Settings.Builder settings = Settings.builder().put("mappings_path", "missing.txt");
        assertMentions(rejection(() -> mapping(environment(home), settings)), "mappings_path", "missing.txt");
    }
}
