package cjknews.analysis;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.elasticsearch.common.settings.Settings;

/** Rejects parameters a component does not read, so a misspelt one is an error, not a no-op. */
final class ComponentSettings {

    private ComponentSettings() {}

    /**
     * @param kind "token filter" or "char filter", for the message
     * @param type the registered name, e.g. cjk_bigram
     * @param name the instance name (the index-defined name, or __anonymous__type in _analyze)
     */
    static void requireOnly(String kind, String type, String name, Settings settings, Set<String> supported) {
        for (String key : settings.keySet()) {
            if (!supported.contains(key) && !isAddedByElasticsearch(key)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "%s [%s] of type [%s] does not support parameter [%s]; supported parameters: %s",
                        kind, name, type, key, new TreeSet<>(supported)));
            }
        }
    }

    /**
     * `type` selects the component. A component used by name without a definition (a default
     * instance) is handed the index's own settings, all `index.*` (index.version.created, ...).
     */
    private static boolean isAddedByElasticsearch(String key) {
        return key.equals("type") || key.startsWith("index.");
    }
}
