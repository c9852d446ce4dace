/** PostgreSQL: the embedded server used when no external one is configured, and the Hibernate dialect. */
package org.gongzhang.service.postgres;
