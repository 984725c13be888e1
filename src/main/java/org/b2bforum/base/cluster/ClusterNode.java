package org.b2bforum.base.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * This application node's name in the database (leases, the node running a schedule build):
 * {@code b2bforum.cluster.node-id} when set, else host name and HTTP port. The default stays the
 * same across restarts of one node, so a restarted node recognises what it left unfinished, and
 * differs between two nodes on one machine, which listen on different ports.
 */
@Component
@NamedInterface("cluster") // for schedule's runner; the rest of the package stays internal
public class ClusterNode {

    private final String id;

    @Autowired
    ClusterNode(@Value("${b2bforum.cluster.node-id:}") String configured, @Value("${server.port:8080}") String port) {
        this.id = configured.isBlank() ? hostName() + ":" + port : configured;
    }

    public ClusterNode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
