/**
 * After-commit events through Spring Modulith's event publication registry (table
 * {@code EVENT_PUBLICATION}, Flyway V32): the resubmission of failed publications, each claimed by
 * one node. Internal to base: modules only publish events and listen with
 * {@code @ApplicationModuleListener}.
 */
package org.b2bforum.base.events;
