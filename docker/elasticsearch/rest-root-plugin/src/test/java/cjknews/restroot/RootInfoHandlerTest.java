package cjknews.restroot;

import org.elasticsearch.Build;
import org.elasticsearch.common.Strings;
import org.elasticsearch.rest.RestHandler.Route;
import org.elasticsearch.xcontent.XContentBuilder;
import org.elasticsearch.xcontent.XContentFactory;
import org.elasticsearch.xcontent.XContentParser;
import org.elasticsearch.xcontent.XContentParserConfiguration;
import org.elasticsearch.xcontent.json.JsonXContent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.elasticsearch.rest.RestRequest.Method.GET;
import static org.elasticsearch.rest.RestRequest.Method.HEAD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RootInfoHandlerTest {
    private final RootInfoHandler handler = new RootInfoHandler(() -> null);

    @Test
    void servesGetAndHeadOnTheRoot() {
        List<Route> routes = handler.routes();
        assertEquals(2, routes.size());
        assertEquals(GET, routes.get(0).getMethod());
        assertEquals("/", routes.get(0).getPath());
        assertEquals(HEAD, routes.get(1).getMethod());
        assertEquals("/", routes.get(1).getPath());
    }

    @Test
    void answersEvenWhenMemoryIsShort() {
        // Clients and health checks probe GET / first; a tripped breaker must not hide the node.
        assertFalse(handler.canTripCircuitBreaker());
    }

    @Test
    @SuppressWarnings("unchecked")
    void bodyHasTheFieldsClientsRead() throws IOException {
        XContentBuilder builder = XContentFactory.jsonBuilder();
        RootInfoHandler.writeBody(builder, "es01", "news", "uuid-1", Build.current());
        Map<String, Object> body;
        try (XContentParser parser = JsonXContent.jsonXContent.createParser(
            XContentParserConfiguration.EMPTY, Strings.toString(builder))) {
            body = parser.map();
        }
        assertEquals("es01", body.get("name"));
        assertEquals("news", body.get("cluster_name"));
        assertEquals("uuid-1", body.get("cluster_uuid"));
        assertEquals("You Know, for Search", body.get("tagline"));
        Map<String, Object> version = (Map<String, Object>) body.get("version");
        assertEquals(Build.current().qualifiedVersion(), version.get("number"));
        assertEquals(org.apache.lucene.util.Version.LATEST.toString(), version.get("lucene_version"));
    }
}
