/** PostgreSQL: the embedded server used when no external one is configured. */
package org.gongzhang.service.postgres;
