/** Axon wiring: the book aggregate on the JPA event store, snapshots, and the clock. */
package org.gongzhang.service.axon;
