package org.b2bforum.optimizer;

/** Where one meeting goes: its index in the problem, its slot and its table (all 0-based). */
public record Placement(int meeting, int slot, int table) {
}
