package cjknews.restroot;

import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import static org.elasticsearch.rest.RestRequest.Method.GET;
import static org.elasticsearch.rest.RestRequest.Method.HEAD;

/** The body of {@code GET /}, with the same fields as Elasticsearch's own. */
final class RootInfoHandler extends BaseRestHandler {
    private final Supplier<ClusterService> clusterService;

    RootInfoHandler(Supplier<ClusterService> clusterService) {
        this.clusterService = clusterService;
    }

    @Override
    public String getName() {
        return "rest_root_standin_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(GET, "/"), new Route(HEAD, "/"));
    }

    @Override
    public boolean canTripCircuitBreaker() {
        return false;
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        return channel -> {
            ClusterService cluster = clusterService.get();
            XContentBuilder body = channel.newBuilder();
            if (request.hasParam("pretty") == false) {
                body.prettyPrint().lfAtEnd();
            }
            writeBody(
                body,
                cluster.localNode().getName(),
                cluster.getClusterName().value(),
                cluster.state().metadata().clusterUUID(),
                Build.current()
            );
            channel.sendResponse(new RestResponse(RestStatus.OK, body));
        };
    }

    /** Elasticsearch's own fields and names: clients check {@code version.number}. */
    static void writeBody(XContentBuilder body, String nodeName, String clusterName, String clusterUuid, Build build)
        throws IOException {
        body.startObject()
            .field("name", nodeName)
            .field("cluster_name", clusterName)
            .field("cluster_uuid", clusterUuid)
            .startObject("version")
            .field("number", build.qualifiedVersion())
            .field("build_flavor", build.flavor())
            .field("build_type", build.type().displayName())
            .field("build_hash", build.hash())
            .field("build_date", build.date())
            .field("build_snapshot", build.isSnapshot())
            .field("lucene_version", org.apache.lucene.util.Version.LATEST.toString())
            .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
            .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
            .endObject()
            .field("tagline", "You Know, for Search")
            .endObject();
    }
}
