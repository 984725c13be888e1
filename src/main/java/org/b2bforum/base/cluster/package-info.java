/**
 * What several application nodes share through the database: the node's id and leases (one node runs a
 * job at a time). Used by the schedule runs for their heartbeats.
 */
@NamedInterface("cluster")
package org.b2bforum.base.cluster;

import org.springframework.modulith.NamedInterface;
